import Dexie from 'dexie';
import type { LullDb, StoredItem } from './lull-db';

/** Open items by deadline, straight from the `[status+deadline]` index (ties by id). */
export function listOpenItems(db: LullDb): Promise<StoredItem[]> {
  return db.items
    .where('[status+deadline]')
    .between(['open', Dexie.minKey], ['open', Dexie.maxKey])
    .toArray();
}

export function getJournalSeq(db: LullDb): Promise<number> {
  return db.meta.get('journalSeq').then((row) => row?.value ?? 0);
}

/** Offline-first: the row changes at once; the core has no "done" command yet. */
export async function markDone(db: LullDb, id: string, at: number): Promise<void> {
  await db.items.update(id, { status: 'done', doneAt: at });
}

export async function reopenItem(db: LullDb, id: string): Promise<void> {
  await db.items
    .where('id')
    .equals(id)
    .modify((item) => {
      item.status = 'open';
      delete item.doneAt;
    });
}
