import { useEffect } from 'react';
import type { LullApi, Unsubscribe } from '../../shared/contract';
import { startCoreMirror } from '../api/core-mirror';
import { useServices } from '../services/useServices';

/**
 * `startCoreMirror` for the component's lifetime: ask, follow the change event, ask again on reconnect.
 * `fetch` and `subscribe` should be stable (module-level functions), `apply` a store setter.
 */
export function useCoreMirror<T>(
  fetch: (api: LullApi) => Promise<T>,
  subscribe: (api: LullApi, listener: (value: T) => void) => Unsubscribe,
  apply: (value: T) => void,
): void {
  const { client } = useServices();
  useEffect(() => startCoreMirror(client, fetch, subscribe, apply), [client, fetch, subscribe, apply]);
}
