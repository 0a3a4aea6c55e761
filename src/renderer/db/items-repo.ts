import type { HistoryRow, LullDb, StoredItem } from './lull-db';

/** The rows for these ids, in the same order; `undefined` where an id is not stored (yet, or any more). */
export function getItems(db: LullDb, ids: readonly string[]): Promise<(StoredItem | undefined)[]> {
  return db.items.bulkGet([...ids]);
}

export type DigestHistoryRow = Extract<HistoryRow, { type: 'digest-released' }>;

/** The most recent release the journal recorded, or null. */
export async function latestDigestRow(db: LullDb): Promise<DigestHistoryRow | null> {
  const rows = await db.history.where('type').equals('digest-released').sortBy('at');
  return (rows.at(-1) as DigestHistoryRow | undefined) ?? null;
}

export function getJournalSeq(db: LullDb): Promise<number> {
  return db.meta.get('journalSeq').then((row) => row?.value ?? 0);
}

/** What the user did with an item: done, snoozed until a time, or back to open (undo). */
export type ItemStateChange =
  | { state: 'done'; at: number }
  | { state: 'snoozed'; until: number }
  | { state: 'open' };

/** Offline-first: the rows change at once; telling the core is the caller's next step. */
export async function setItemsState(
  db: LullDb,
  ids: readonly string[],
  change: ItemStateChange,
): Promise<void> {
  await db.items
    .where('id')
    .anyOf([...ids])
    .modify((item) => {
      item.status = change.state;
      delete item.doneAt;
      delete item.snoozedUntil;
      if (change.state === 'done') item.doneAt = change.at;
      if (change.state === 'snoozed') item.snoozedUntil = change.until;
    });
}
