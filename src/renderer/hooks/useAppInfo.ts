import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/contract';
import { describeError } from '../lib/errors';
import { useServices } from '../services/useServices';

export type { AppInfo };

/**
 * The app's info (API address and token, the global shortcut's registration). The core answers
 * `not-ready` until its HTTP server listens, so failures are retried (1 s, doubling to 10 s) and again
 * whenever the link comes back; `app:info-changed` keeps it current afterwards.
 */
export function useAppInfo(): { info: AppInfo | null; error: string | null } {
  const { client } = useServices();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let disposed = false;
    let done = false;
    let delay = 1_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const accept = (value: AppInfo) => {
      if (disposed) return;
      done = true;
      clearTimeout(timer);
      setInfo(value);
      setError(null);
    };
    const load = () => {
      clearTimeout(timer);
      client.api.app
        .getInfo()
        .then(accept)
        .catch((failure: unknown) => {
          if (disposed || done) return;
          setError(describeError(failure));
          timer = setTimeout(load, delay);
          delay = Math.min(delay * 2, 10_000);
        });
    };
    const offChanged = client.api.onAppInfoChanged(accept);
    const offConnection = client.connection.subscribe((state) => {
      if (state === 'online' && !done) {
        delay = 1_000;
        load();
      }
    });
    load();
    return () => {
      disposed = true;
      clearTimeout(timer);
      offChanged();
      offConnection();
    };
  }, [client]);

  return { info, error };
}
