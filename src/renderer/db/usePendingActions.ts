import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../app/useServices';
import { countPending } from './outbox';

/**
 * How many actions wait in the outbox for the core, live (other tabs' included); 0 while loading.
 */
export function usePendingActions(): number {
  const db = useDb();
  return useLiveQuery(() => countPending(db), [db]) ?? 0;
}
