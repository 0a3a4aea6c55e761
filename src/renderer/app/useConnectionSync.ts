import { useEffect } from 'react';
import { selectSetConnection } from '../store/selectors';
import { useLullStore } from '../store/store';
import { useServices } from './useServices';

/** Copies the client's connection state into the store, where the header reads it. */
export function useConnectionSync(): void {
  const { client } = useServices();
  const setConnection = useLullStore(selectSetConnection);
  useEffect(() => {
    setConnection(client.connection.get());
    return client.connection.subscribe(setConnection);
  }, [client, setConnection]);
}
