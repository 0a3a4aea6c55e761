import { useEffect } from 'react';
import { useServices } from '../services/useServices';
import { selectSetConnection } from '../store/selectors';
import { useLullStore } from '../store/store';

/** Copies the client's connection state into the store, where the header reads it. */
export function useConnectionSync(): void {
  const { client } = useServices();
  const setConnection = useLullStore(selectSetConnection);
  useEffect(() => {
    setConnection(client.connection.get());
    return client.connection.subscribe(setConnection);
  }, [client, setConnection]);
}
