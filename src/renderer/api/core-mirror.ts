import type { LullApi, Unsubscribe } from '../../shared/contract';
import type { LullClient } from './connection';

/**
 * Mirrors something the core owns (STYLE.md "Main owns state"): asks once, listens for its change
 * event, and asks again whenever the link comes back. Returns the unsubscribe.
 */
export function startCoreMirror<T>(
  client: Pick<LullClient, 'api' | 'connection'>,
  fetch: (api: LullApi) => Promise<T>,
  subscribe: (api: LullApi, listener: (value: T) => void) => Unsubscribe,
  apply: (value: T) => void,
): Unsubscribe {
  let disposed = false;
  // An answer to a question asked before the latest event is older than that event: drop it.
  let eventsSeen = 0;
  const refresh = () => {
    const asked = eventsSeen;
    fetch(client.api)
      .then((value) => {
        if (!disposed && asked === eventsSeen) apply(value);
      })
      .catch(() => {
        // Offline or refused: the header says so, and the next reconnect asks again.
      });
  };
  const offChanged = subscribe(client.api, (value) => {
    eventsSeen++;
    apply(value);
  });
  const offConnection = client.connection.subscribe((state) => {
    if (state === 'online') refresh();
  });
  refresh();
  return () => {
    disposed = true;
    offChanged();
    offConnection();
  };
}
