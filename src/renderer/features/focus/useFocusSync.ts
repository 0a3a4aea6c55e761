import { useEffect } from 'react';
import { useServices } from '../../app/useServices';
import { useLullStore } from '../../store/store';

/**
 * Mirrors the core's focus status into the store (the core owns it; STYLE.md "Main owns state"):
 * asks once, listens for changes, and asks again whenever the link comes back.
 */
export function useFocusSync(): void {
  const { client } = useServices();
  const setFocus = useLullStore((s) => s.setFocus);

  useEffect(() => {
    let disposed = false;
    // An answer to a question asked before the latest event is older than that event: drop it.
    let eventsSeen = 0;
    const refresh = () => {
      const asked = eventsSeen;
      client.api.focus
        .getStatus()
        .then((status) => {
          if (!disposed && asked === eventsSeen) setFocus(status);
        })
        .catch(() => {
          // Offline or refused: the header already says so, and the next reconnect asks again.
        });
    };
    const offChanged = client.api.onFocusChanged((status) => {
      eventsSeen++;
      setFocus(status);
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
  }, [client, setFocus]);
}
