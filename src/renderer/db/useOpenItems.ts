import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../app/useServices';
import { listOpenItems } from './items-repo';
import type { StoredItem } from './lull-db';

/** Open items by deadline, live: re-renders when the journal consumer or the user changes a row. `undefined` while loading. */
export function useOpenItems(): StoredItem[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listOpenItems(db), [db]);
}
