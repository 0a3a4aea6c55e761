import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useServices } from '../../app/useServices';
import { selectDigestActions } from '../../store/selectors';
import { useLullStore } from '../../store/store';

/**
 * Mirrors what the core holds (count and next release) for the header: peeks once, follows
 * `digest:changed`, and peeks again whenever the link comes back. Keeps the last released digest, and
 * opens the in-page panel for it when `openOnRelease` says so (the browser host, outside `#/digest`).
 */
export function useDigestSync(openOnRelease: boolean): void {
  const { client } = useServices();
  const { setHeld, setReleasedDigest, openDigestPanel } = useLullStore(useShallow(selectDigestActions));
  const openRef = useRef(openOnRelease);
  openRef.current = openOnRelease;

  useEffect(() => {
    let disposed = false;
    // An answer to a question asked before the latest event is older than that event: drop it.
    let eventsSeen = 0;
    const refresh = () => {
      const asked = eventsSeen;
      client.api.digest
        .peek()
        .then((status) => {
          if (!disposed && asked === eventsSeen) setHeld(status);
        })
        .catch(() => {
          // Offline or refused: the header says so, and the next reconnect asks again.
        });
    };
    const offChanged = client.api.onDigestChanged((held) => {
      eventsSeen++;
      setHeld(held);
    });
    const offReleased = client.api.onDigestReleased((digest) => {
      setReleasedDigest(digest);
      if (openRef.current) openDigestPanel('digest');
    });
    const offConnection = client.connection.subscribe((state) => {
      if (state === 'online') refresh();
    });
    refresh();
    return () => {
      disposed = true;
      offChanged();
      offReleased();
      offConnection();
    };
  }, [client, setHeld, setReleasedDigest, openDigestPanel]);
}
