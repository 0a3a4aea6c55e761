import { useLiveQuery } from 'dexie-react-hooks';
import { MINUTE_MS } from '../../shared/channels';
import { useDb } from '../app/useServices';
import { listInboxItems } from './items-repo';
import type { StoredItem } from './lull-db';

/**
 * What the inbox lists at `now` (open items and snoozed ones whose time has come), by deadline, live:
 * re-renders when the journal consumer or the user changes a row, and each minute for wake-ups.
 * `undefined` while loading.
 */
export function useOpenItems(now: number): StoredItem[] | undefined {
  const db = useDb();
  const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  return useLiveQuery(() => listInboxItems(db, minute), [db, minute]);
}
