/**
 * The renderer's own store (DESIGN.md "Data ownership"): inbox items with the user's state, the
 * journal position, and focus history for insights. Every schema version is declared here in order;
 * a new version adds a line to SCHEMA_VERSIONS and, when rows must change, a named upgrade function.
 */
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { InboxItem, JournalEvent } from '../../shared/schemas';

export const DB_NAME = 'lull';

/** `snoozed` needs no schema change: the `[status+deadline]` index takes any status value. */
export const ITEM_STATUSES = ['open', 'done', 'snoozed'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** A contract item plus what the user did with it. Re-delivery replaces the first part only. */
export type StoredItem = InboxItem & {
  status: ItemStatus;
  doneAt?: number;
  /** While snoozed: when the item comes back to the inbox. */
  snoozedUntil?: number;
};

export type MetaRow = { key: 'journalSeq'; value: number };

export type HistoryRow = JournalEvent & {
  id: number;
  /** The journal entry the event came from. */
  seq: number;
};

interface SchemaVersion {
  readonly version: number;
  readonly stores: Record<string, string | null>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      items: 'id, deadline, [status+deadline], source, channel, threadId, receivedAt',
      meta: 'key',
      history: '++id, type, at',
    },
  },
];

export class LullDb extends Dexie {
  items!: EntityTable<StoredItem, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  history!: EntityTable<HistoryRow, 'id'>;

  /** Tests pass another name and fake-indexeddb through `options`. Opening is lazy (first query). */
  constructor(name: string = DB_NAME, options?: DexieOptions, versions = SCHEMA_VERSIONS) {
    super(name, options);
    for (const step of versions) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}
