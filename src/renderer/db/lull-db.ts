/**
 * The renderer's own store (DESIGN.md "Data ownership"): inbox items with the user's state, the
 * journal position, and focus history for insights. Every schema version is declared here in order;
 * a new version adds a line to SCHEMA_VERSIONS and, when rows must change, a named upgrade function.
 */
import Dexie, { type DexieOptions, type EntityTable, type Transaction } from 'dexie';
import type { InboxItem, JournalEvent } from '../../shared/schemas';
import { itemWords } from './search-words';

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
  /** Search words (`*words` index); the database fills them in on every write. */
  words?: string[];
};

/**
 * A change the core has not confirmed yet (offline first): replayed in `seq` order when the link
 * comes back. `actionId` lets the core recognise a replay of something it already applied.
 */
export interface OutboxRow {
  seq?: number;
  actionId: string;
  command: string;
  payload: unknown;
  createdAt: number;
  attempts: number;
}

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

/** Version 2: search words on every row that version 1 stored. */
export async function addSearchWords(tx: Transaction): Promise<void> {
  await tx
    .table<StoredItem>('items')
    .toCollection()
    .modify((item) => {
      item.words = itemWords(item);
    });
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
  {
    // Word search, channel and source filters served by indexes in deadline order, and the durable
    // offline action queue.
    version: 2,
    stores: {
      items:
        'id, deadline, [status+deadline], source, channel, threadId, receivedAt, *words, [status+channel+deadline], [status+source+deadline]',
      outbox: '++seq, &actionId',
    },
    upgrade: addSearchWords,
  },
  {
    // Channel and source together served by one index; due snoozes found without reading the rest.
    version: 3,
    stores: {
      items:
        'id, deadline, [status+deadline], source, channel, threadId, receivedAt, *words, [status+channel+deadline], [status+source+deadline], [status+channel+source+deadline], [status+snoozedUntil]',
    },
  },
];

/** Keeps `words` true to the row on every add and put, whichever code path writes it. */
function withWords<T extends Partial<StoredItem>>(value: T): T {
  return value && typeof value.title === 'string'
    ? { ...value, words: itemWords(value as StoredItem) }
    : value;
}

export class LullDb extends Dexie {
  items!: EntityTable<StoredItem, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  history!: EntityTable<HistoryRow, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;

  /** Tests pass another name and fake-indexeddb through `options`. Opening is lazy (first query). */
  constructor(name: string = DB_NAME, options?: DexieOptions, versions = SCHEMA_VERSIONS) {
    super(name, options);
    for (const step of versions) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    this.use({
      stack: 'dbcore',
      name: 'search-words',
      create: (down) => ({
        ...down,
        table(tableName) {
          const table = down.table(tableName);
          if (tableName !== 'items') return table;
          return {
            ...table,
            mutate(request) {
              if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
              return table.mutate({ ...request, values: request.values.map(withWords) });
            },
          };
        },
      }),
    });
  }
}
