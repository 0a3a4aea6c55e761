import { FocusControls } from '../features/focus/FocusControls';
import type { Clock } from '../hooks/useClock';
import { selectConnection } from '../store/selectors';
import { useLullStore } from '../store/store';
import { ConnectionIndicator } from './ConnectionIndicator';
import type { Route } from './route';
import { ViewNav } from './ViewNav';

export function Header({ clock, route }: { clock: Clock; route: Route }) {
  const connection = useLullStore(selectConnection);
  return (
    <header className="app-header">
      <div className="app-brand">
        <svg className="app-logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />
        </svg>
        <h1 className="app-title">Lull</h1>
      </div>
      {connection !== 'unauthorized' && <ViewNav route={route} />}
      <ConnectionIndicator />
      {connection !== 'unauthorized' && <FocusControls clock={clock} />}
    </header>
  );
}
