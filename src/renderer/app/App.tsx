import { useFocusSync } from '../features/focus/useFocusSync';
import { InboxView } from '../features/inbox/InboxView';
import { useClock } from '../hooks/useClock';
import { selectConnection } from '../store/selectors';
import { useLullStore } from '../store/store';
import { Header } from './Header';
import { UnauthorizedNotice } from './UnauthorizedNotice';
import { useConnectionSync } from './useConnectionSync';
import './app.css';

export function App() {
  useConnectionSync();
  useFocusSync();
  const clock = useClock();
  const connection = useLullStore(selectConnection);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to inbox
      </a>
      <Header clock={clock} />
      <main id="main" className="app-main" tabIndex={-1}>
        {connection === 'unauthorized' ? <UnauthorizedNotice /> : <InboxView clock={clock} />}
      </main>
    </div>
  );
}
