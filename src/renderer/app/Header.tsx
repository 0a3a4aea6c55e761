import { HeldIndicator } from '../features/digest/HeldIndicator';
import { FocusControls } from '../features/focus/FocusControls';
import { EnableNotifications } from '../features/notifications/EnableNotifications';
import type { ClockReading } from '../lib/clock';
import { selectConnection } from '../store/selectors';
import { useLullStore } from '../store/store';
import { ConnectionIndicator } from './ConnectionIndicator';
import type { Route } from './route';
import { ViewNav } from './ViewNav';

interface Props {
  readonly clock: ClockReading;
  readonly route: Route;
  /** The browser host, where the page itself notifies and may offer to. */
  readonly browserHost: boolean;
}

export function Header({ clock, route, browserHost }: Props) {
  const connection = useLullStore(selectConnection);
  const authorized = connection !== 'unauthorized';
  return (
    <header className="app-header">
      <div className="app-brand">
        <svg className="app-logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />
        </svg>
        <h1 className="app-title">Lull</h1>
      </div>
      {authorized && <ViewNav route={route} />}
      <ConnectionIndicator />
      {authorized && browserHost && <EnableNotifications />}
      {authorized && <HeldIndicator clock={clock} />}
      {authorized && <FocusControls clock={clock} />}
    </header>
  );
}
