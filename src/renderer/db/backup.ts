/**
 * The renderer's half of a backup (DESIGN.md "Data ownership"): the inbox with what the user did to
 * each item, and the focus and digest history. Import merges by item identity (`mergeBackupItem`) in
 * one transaction, so a failed import changes nothing and a repeated one adds nothing.
 */
import {
  type BackupItem,
  historyKey,
  type InboxBackup,
  type MergeReport,
  mergeBackupItem,
} from '../../shared/backup-schemas';
import type { JournalEvent } from '../../shared/schemas';
import type { HistoryRow, LullDb, StoredItem } from './lull-db';

/** History rows that came from a backup rather than the journal: no journal entry to point at. */
export const IMPORTED_SEQ = 0;

/** Rows are plain JSON-like data: equal when every key holds an equal value, whatever the key order. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const left = Object.entries(a).filter(([, value]) => value !== undefined);
  const right = new Map(Object.entries(b).filter(([, value]) => value !== undefined));
  return left.length === right.size && left.every(([key, value]) => sameData(value, right.get(key)));
}

/**
 * The event without the journal sequence and the key Dexie generated. A digest's own string id is its
 * row key (`++id` takes a given key), so that one is part of the event and stays.
 */
function historyEvent(row: HistoryRow): JournalEvent {
  const { id, seq: _seq, ...event } = row;
  return (typeof id === 'number' ? event : { ...event, id }) as JournalEvent;
}

/** The row as a backup holds it: search words are the database's own, rebuilt on every write. */
function backupRow(row: StoredItem | undefined): StoredItem | undefined {
  if (!row) return row;
  const { words: _words, ...item } = row;
  return item;
}

export async function exportInbox(db: LullDb): Promise<InboxBackup> {
  return db.transaction('r', db.items, db.history, async () => {
    const [items, history] = await Promise.all([db.items.toArray(), db.history.orderBy('at').toArray()]);
    return { items: items.map((row) => backupRow(row)!), history: history.map(historyEvent) };
  });
}

export async function importInbox(db: LullDb, inbox: InboxBackup): Promise<MergeReport> {
  return db.transaction('rw', db.items, db.history, async () => {
    // The last copy of an id in the file wins, as if the file had been imported item by item.
    const incoming = new Map<string, BackupItem>();
    for (const item of inbox.items) incoming.set(item.id, mergeBackupItem(incoming.get(item.id), item));
    const ids = [...incoming.keys()];
    const existing = await db.items.bulkGet(ids);
    const report: MergeReport = { added: 0, updated: 0, unchanged: 0, historyAdded: 0 };
    const rows: StoredItem[] = [];
    ids.forEach((id, index) => {
      const local = backupRow(existing[index]);
      const merged = mergeBackupItem(local, incoming.get(id)!);
      if (!local) report.added++;
      else if (sameData(merged, local)) {
        report.unchanged++;
        return;
      } else report.updated++;
      rows.push(merged);
    });
    if (rows.length > 0) await db.items.bulkPut(rows);

    const known = new Set((await db.history.toArray()).map((row) => historyKey(historyEvent(row))));
    const events: Omit<HistoryRow, 'id'>[] = [];
    for (const event of inbox.history) {
      const key = historyKey(event);
      if (known.has(key)) continue;
      known.add(key);
      events.push({ ...event, seq: IMPORTED_SEQ } as Omit<HistoryRow, 'id'>);
    }
    if (events.length > 0) await db.history.bulkAdd(events as HistoryRow[]);
    report.historyAdded = events.length;
    return report;
  });
}
