import { useEffect } from 'react';
import { selectSetSettings } from '../store/selectors';
import { useLullStore } from '../store/store';
import { useServices } from './useServices';

/**
 * Mirrors the core's settings into the store, like the focus status: asks once, listens for
 * `settings:changed`, and asks again whenever the link comes back.
 */
export function useSettingsSync(): void {
  const { client } = useServices();
  const setSettings = useLullStore(selectSetSettings);

  useEffect(() => {
    let disposed = false;
    // An answer to a question asked before the latest event is older than that event: drop it.
    let eventsSeen = 0;
    const refresh = () => {
      const asked = eventsSeen;
      client.api.settings
        .get()
        .then((settings) => {
          if (!disposed && asked === eventsSeen) setSettings(settings);
        })
        .catch(() => {
          // Offline or refused: the header says so, and the next reconnect asks again.
        });
    };
    const offChanged = client.api.onSettingsChanged((settings) => {
      eventsSeen++;
      setSettings(settings);
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
  }, [client, setSettings]);
}
