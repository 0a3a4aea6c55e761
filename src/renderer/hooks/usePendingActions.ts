import { useLiveQuery } from 'dexie-react-hooks';
import { countPending } from '../db/outbox';
import { useDb } from '../services/useServices';

/**
 * How many actions wait in the outbox for the core, live (other tabs' included); 0 while loading.
 */
export function usePendingActions(): number {
  const db = useDb();
  return useLiveQuery(() => countPending(db), [db]) ?? 0;
}
