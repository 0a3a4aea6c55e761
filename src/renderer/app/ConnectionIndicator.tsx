import type { ConnectionState } from '../api/connection';
import { usePendingActions } from '../db/usePendingActions';
import { selectConnection } from '../store/selectors';
import { useLullStore } from '../store/store';

const changes = (count: number) => (count === 1 ? '1 change' : `${count} changes`);

/**
 * What the header says about the link and the outbox; null when there is nothing to say (online,
 * nothing waiting). Changes made offline are safe in this browser, so the words reassure.
 */
export function connectionMessage(state: ConnectionState, pending: number): string | null {
  switch (state) {
    case 'connecting':
      return pending > 0 ? `Connecting… ${changes(pending)} waiting to sync` : 'Connecting…';
    case 'online':
      return pending > 0 ? `Syncing ${changes(pending)}…` : null;
    case 'offline':
      return pending > 0 ? `Offline — ${changes(pending)} saved here, will sync` : 'Offline — reconnecting';
    case 'unauthorized':
      return pending > 0 ? `Not connected — ${changes(pending)} saved here` : 'Not connected';
  }
}

/**
 * A live region that is always in the page (so screen readers announce changes) and empty while
 * online with nothing waiting (so it takes no space and reads as hidden).
 */
export function ConnectionIndicator() {
  const connection = useLullStore(selectConnection);
  const pending = usePendingActions();
  const message = connectionMessage(connection, pending);
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
