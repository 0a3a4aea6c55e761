import type { ConnectionState } from '../api/connection';
import { selectConnection } from '../store/selectors';
import { useLullStore } from '../store/store';

const MESSAGES: Readonly<Record<ConnectionState, string | null>> = {
  connecting: 'Connecting…',
  online: null,
  offline: 'Offline — reconnecting',
  unauthorized: 'Not connected',
};

/**
 * A live region that is always in the page (so screen readers announce changes) and empty while
 * online (so it takes no space and reads as hidden).
 */
export function ConnectionIndicator() {
  const connection = useLullStore(selectConnection);
  const message = MESSAGES[connection];
  return (
    <div role="status" aria-label="Connection" className="connection-status">
      {message && (
        <span className="connection-pill" data-state={connection}>
          <span className="connection-dot" aria-hidden="true" />
          {message}
        </span>
      )}
    </div>
  );
}
