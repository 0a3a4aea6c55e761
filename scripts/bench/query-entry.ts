/**
 * Browser side of the query benchmark: the inbox's real queries (inbox-query.ts over LullDb) against
 * a raw IndexedDB read of the same rows, on a database seeded with the benchmark inbox. Returns raw
 * samples in milliseconds; the Node side summarises them.
 */

import {
  countInbox,
  DEFAULT_FILTER,
  facetCounts,
  type InboxFilter,
  keyOf,
  knownSources,
  readWindow,
} from '../../src/renderer/db/inbox-query';
import { DB_NAME, LullDb, type StoredItem } from '../../src/renderer/db/lull-db';
import { wakeDueSnoozes } from '../../src/renderer/db/snooze-wake';
import { CHANNELS } from '../../src/shared/channels';
import { dueBoundaries } from '../../src/shared/due-format';
import { openExisting, type SeedResult, seedItems } from './seed';

export interface QueryOptions {
  readonly now: number;
  readonly zone: string;
  /** Where the measured page starts in the open list. */
  readonly position: number;
  readonly pageSize: number;
  readonly runs: number;
  readonly warmup: number;
  /** Runs for the heavier extra queries. */
  readonly extraRuns: number;
}

export interface Pair {
  readonly inbox: number[];
  readonly raw: number[];
}

export interface Extra {
  readonly name: string;
  readonly samples: number[];
  /** Rows returned, or the count the query answered. */
  readonly result: number;
}

export interface QueryResults {
  readonly total: number;
  readonly page: Pair & { readonly rows: number; readonly sameRows: boolean };
  readonly counts: Pair;
  readonly extras: Extra[];
}

/** Lets Dexie create the database at the app's schema, then seeds it past Dexie. */
export async function prepare(count: number, now: number): Promise<SeedResult> {
  const db = new LullDb();
  await db.open();
  db.close();
  return seedItems(DB_NAME, count, now);
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** The same page straight from the `[status+deadline]` index: bounded by its first and last key. */
function rawPage(raw: IDBDatabase, first: StoredItem, last: StoredItem, limit: number) {
  const index = raw.transaction('items', 'readonly').objectStore('items').index('[status+deadline]');
  const range = IDBKeyRange.bound(['open', first.deadline], ['open', last.deadline]);
  return request(index.getAll(range, limit) as IDBRequest<StoredItem[]>);
}

/** The five group counts countInbox makes, as plain index counts in one transaction. */
function rawCounts(raw: IDBDatabase, edges: readonly number[]) {
  const index = raw.transaction('items', 'readonly').objectStore('items').index('[status+deadline]');
  return Promise.all(
    edges.slice(0, -1).map((from, i) => {
      const to = edges[i + 1]!;
      // An empty group (this week ends with tomorrow): IDBKeyRange refuses an empty half-open range.
      if (from >= to) return Promise.resolve(0);
      return request(index.count(IDBKeyRange.bound(['open', from], ['open', to], false, true)));
    }),
  );
}

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await run();
  return [performance.now() - started, value];
}

/** Warm-up, then `runs` alternating rounds of both reads, so neither gets a warmer cache. */
async function pair(
  runs: number,
  warmup: number,
  inbox: () => Promise<unknown>,
  raw: () => Promise<unknown>,
) {
  const result: Pair = { inbox: [], raw: [] };
  for (let i = 0; i < warmup; i++) await Promise.all([inbox(), raw()]);
  for (let i = 0; i < runs; i++) {
    result.inbox.push((await time(inbox))[0]);
    result.raw.push((await time(raw))[0]);
  }
  return result;
}

/** A query that takes seconds gets two runs after its warm-up, to keep the whole run short. */
const SLOW_MS = 1000;

async function extra(name: string, runs: number, run: () => Promise<number>): Promise<Extra> {
  const samples: number[] = [];
  let result = 0;
  const [warmupMs] = await time(run);
  const count = warmupMs > SLOW_MS ? Math.min(runs, 2) : runs;
  for (let i = 0; i < count; i++) {
    const [ms, value] = await time(run);
    samples.push(ms);
    result = value;
  }
  return { name, samples, result };
}

export async function measure(options: QueryOptions): Promise<QueryResults> {
  const { now, zone, position, pageSize, runs, warmup, extraRuns } = options;
  const db = new LullDb();
  const raw = await openExisting(DB_NAME);
  try {
    const filter = DEFAULT_FILTER;
    const ctx = { now, zone };
    const { total } = await countInbox(db, filter, ctx);
    // The UI keeps a key every 50 rows; the page starts right after the one at `position`.
    const [before] = await readWindow(db, filter, now, position - 1, 1);
    if (!before) throw new Error(`the open list has fewer than ${position} rows`);
    const anchor = { position, key: keyOf(before) };
    const inboxPage = () => readWindow(db, filter, now, position, pageSize, anchor);
    const rows = await inboxPage();
    const first = rows[0];
    const last = rows.at(-1);
    if (!first || !last) throw new Error(`no rows at position ${position}`);
    const rawRows = await rawPage(raw, first, last, pageSize);
    const sameRows = rawRows.map((r) => r.id).join() === rows.map((r) => r.id).join();
    const page = await pair(runs, warmup, inboxPage, () => rawPage(raw, first, last, pageSize));

    const b = dueBoundaries(ctx);
    const edges = [-Infinity, b.now, b.endOfToday, b.endOfTomorrow, b.endOfWeek, Infinity];
    const counts = await pair(
      runs,
      warmup,
      () => countInbox(db, filter, ctx),
      () => rawCounts(raw, edges),
    );

    const sources = await knownSources(db);
    const search = (text: string): InboxFilter => ({ ...filter, text });
    const both: InboxFilter = { ...filter, channel: 'chat', source: 'slack' };
    const extras = [
      await extra(`readWindow@${position} with no anchor (a scroll jump)`, extraRuns, async () => {
        return (await readWindow(db, filter, now, position, pageSize)).length;
      }),
      await extra(`readWindow@${total - pageSize} with no anchor (jump to the end)`, extraRuns, async () => {
        return (await readWindow(db, filter, now, total - pageSize, pageSize)).length;
      }),
      await extra('facetCounts (filter controls)', extraRuns, async () => {
        return (await facetCounts(db, filter, now, CHANNELS, sources)).overdue;
      }),
      await extra('knownSources', extraRuns, async () => (await knownSources(db)).length),
      await extra('items.count()', extraRuns, () => db.items.count()),
      await extra('wakeDueSnoozes (none due)', extraRuns, () => wakeDueSnoozes(db, now)),
      await extra('countInbox, channel + source filter', extraRuns, async () => {
        return (await countInbox(db, both, ctx)).total;
      }),
      await extra('countInbox, search "quick"', extraRuns, async () => {
        return (await countInbox(db, search('quick'), ctx)).total;
      }),
      await extra('readWindow@0, search "quick"', extraRuns, async () => {
        return (await readWindow(db, search('quick'), now, 0, pageSize)).length;
      }),
      await extra('countInbox, search "t" (first letter typed)', extraRuns, async () => {
        return (await countInbox(db, search('t'), ctx)).total;
      }),
      await extra('facetCounts, search "quick"', extraRuns, async () => {
        return (await facetCounts(db, search('quick'), now, CHANNELS, sources)).overdue;
      }),
    ];
    return { total, page: { ...page, rows: rows.length, sameRows }, counts, extras };
  } finally {
    raw.close();
    db.close();
  }
}
