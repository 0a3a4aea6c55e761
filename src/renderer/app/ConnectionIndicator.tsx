import { useEffect, useState } from 'react';
import type { ConnectionState } from '../api/connection';
import { usePendingActions } from '../hooks/usePendingActions';
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

/** While online a change usually leaves the outbox within moments: say so only if it stays. */
const ONLINE_QUIET_MS = 2_000;

/** True once `active` has held for `delayMs`; false again as soon as it stops. */
function useHeldFor(active: boolean, delayMs: number): boolean {
  const [held, setHeld] = useState(false);
  useEffect(() => {
    setHeld(false);
    if (!active) return;
    const timer = setTimeout(() => setHeld(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  return active && held;
}

/**
 * A live region that is always in the page (so screen readers announce changes) and empty while
 * online with nothing waiting (so it takes no space and reads as hidden).
 */
export function ConnectionIndicator() {
  const connection = useLullStore(selectConnection);
  const pending = usePendingActions();
  // No pill and no announcement for each Done while the link is fine.
  const slow = useHeldFor(connection === 'online' && pending > 0, ONLINE_QUIET_MS);
  const message = connectionMessage(connection, connection === 'online' && !slow ? 0 : pending);
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
