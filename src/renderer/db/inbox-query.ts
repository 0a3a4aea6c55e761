/**
 * The inbox's queries over Dexie, built so the cost follows what is on screen rather than what is
 * stored: group counts are index range counts, rows are read a window at a time with keyset paging
 * (continue after the last row's (deadline, id) key), and a window's live query reads only its range.
 *
 * Plans, by filter:
 * - status, with a channel and/or a source: `[status(+channel)(+source)+deadline]`;
 * - text: the matches are read once through the `*words` index and sorted in memory; a search
 *   returns what a person can read, not 100,000 rows.
 * "Overdue" narrows the deadline range to before now in every plan.
 */
import Dexie, { type Collection } from 'dexie';
import type { Channel } from '../../shared/channels';
import { DUE_GROUPS, type DueGroup, dueBoundaries, type TimeContext } from '../../shared/due-format';
import type { ItemStatus, LullDb, StoredItem } from './lull-db';
import { matchesWords, splitWords } from './search-words';

export interface InboxFilter {
  readonly status: ItemStatus;
  readonly channel: Channel | null;
  readonly source: string | null;
  readonly overdue: boolean;
  /** Words to find in title, sender and snippet; each must start a word of the item. */
  readonly text: string;
}

export const DEFAULT_FILTER: InboxFilter = {
  status: 'open',
  channel: null,
  source: null,
  overdue: false,
  text: '',
};

/** Where a page ends: the next page starts after this (deadline, id), the index's own order. */
export interface PageKey {
  readonly deadline: number;
  readonly id: string;
}

export const keyOf = (item: StoredItem): PageKey => ({ deadline: item.deadline, id: item.id });

/** The index order: deadline, then id by code units (as IndexedDB compares strings). */
export function compareKeys(a: PageKey, b: PageKey): number {
  return a.deadline - b.deadline || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface GroupCount {
  readonly group: DueGroup;
  readonly count: number;
  /** Position of the group's first row in the whole filtered list. */
  readonly start: number;
}

export interface InboxCounts {
  readonly total: number;
  /** Non-empty groups in order. */
  readonly groups: readonly GroupCount[];
}

type Ctx = Pick<TimeContext, 'now' | 'zone'>;

interface IndexPlan {
  readonly kind: 'index';
  readonly index: string;
  readonly prefix: readonly (string | number)[];
  /** Exclusive upper bound on the deadline. */
  readonly until: number;
}

interface MemoryPlan {
  readonly kind: 'memory';
  readonly terms: readonly string[];
}

type Plan = IndexPlan | MemoryPlan;

function planFor(filter: InboxFilter, now: number): Plan {
  const terms = searchTerms(filter.text);
  if (terms.length > 0) return { kind: 'memory', terms };
  const until = filter.overdue ? now : Number.POSITIVE_INFINITY;
  // One index per combination, each ending in the deadline: `[status+channel+source+deadline]`.
  const parts = (['channel', 'source'] as const).filter((part) => filter[part] !== null);
  return {
    kind: 'index',
    index: `[${['status', ...parts, 'deadline'].join('+')}]`,
    prefix: [filter.status, ...parts.map((part) => filter[part]!)],
    until,
  };
}

type Rows = Collection<StoredItem, string, unknown>;

/** Rows of the plan with a deadline in [from, to), in index order. */
function range(db: LullDb, plan: IndexPlan, from: number, to: number): Rows {
  const upper = Math.min(to, plan.until);
  const lower = Number.isFinite(from) ? from : Dexie.minKey;
  const top = Number.isFinite(upper) ? upper : Dexie.maxKey;
  return db.items.where(plan.index).between([...plan.prefix, lower], [...plan.prefix, top], true, false);
}

/** All rows of the plan, in index order. */
const allRows = (db: LullDb, plan: IndexPlan) =>
  range(db, plan, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);

/** The filter's status, channel, source and overdue, checked on a row a search found. */
function matchesFilter(item: StoredItem, filter: InboxFilter, now: number): boolean {
  if (item.status !== filter.status) return false;
  if (filter.channel && item.channel !== filter.channel) return false;
  if (filter.source && item.source !== filter.source) return false;
  return !(filter.overdue && item.deadline >= now);
}

/**
 * The words a search looks for: words of one letter are left out (they would match most of the
 * inbox and narrow nothing), longest first, so the index is read for the most selective one.
 */
export function searchTerms(text: string): string[] {
  return splitWords(text)
    .filter((word) => word.length >= MIN_TERM)
    .sort((a, b) => b.length - a.length);
}

const MIN_TERM = 2;

/** Rows whose words match every term, whatever their status, read through the `*words` index. */
function readWordMatches(db: LullDb, terms: readonly string[]): Promise<StoredItem[]> {
  return db.items
    .where('words')
    .startsWith(terms[0]!)
    .distinct()
    .filter((item) => matchesWords(item.words ?? [], terms))
    .toArray();
}

/** Every match of a memory plan, in index order. */
async function readMatches(
  db: LullDb,
  filter: InboxFilter,
  plan: MemoryPlan,
  now: number,
): Promise<StoredItem[]> {
  const rows = await readWordMatches(db, plan.terms);
  return rows.filter((item) => matchesFilter(item, filter, now)).sort(compareKeys);
}

/** Counts per due group for the filter at `now`: a handful of index counts for the indexed plans. */
export async function countInbox(db: LullDb, filter: InboxFilter, ctx: Ctx): Promise<InboxCounts> {
  const b = dueBoundaries(ctx);
  const edges = [
    Number.NEGATIVE_INFINITY,
    b.now,
    b.endOfToday,
    b.endOfTomorrow,
    b.endOfWeek,
    Number.POSITIVE_INFINITY,
  ];
  const plan = planFor(filter, ctx.now);
  let counts: number[];
  if (plan.kind === 'index') {
    counts = await Promise.all(
      DUE_GROUPS.map((_, i) => {
        const from = edges[i]!;
        const to = edges[i + 1]!;
        return from >= plan.until ? 0 : range(db, plan, from, to).count();
      }),
    );
  } else {
    const rows = await readMatches(db, filter, plan, ctx.now);
    counts = DUE_GROUPS.map(() => 0);
    let group = 0;
    for (const row of rows) {
      while (row.deadline >= edges[group + 1]!) group++;
      counts[group] = (counts[group] ?? 0) + 1;
    }
  }
  let start = 0;
  const groups: GroupCount[] = [];
  DUE_GROUPS.forEach((group, i) => {
    const count = counts[i] ?? 0;
    if (count > 0) groups.push({ group, count, start });
    start += count;
  });
  return { total: start, groups };
}

/** The rows strictly after `after` (or from the start), in index order. */
function after(db: LullDb, plan: IndexPlan, key: PageKey | null): Rows {
  if (!key) return allRows(db, plan);
  // Rows that share the key's deadline sort by id inside the index: skip up to and including its id.
  return range(db, plan, key.deadline, Number.POSITIVE_INFINITY).filter(
    (item) => item.deadline > key.deadline || item.id > key.id,
  );
}

/** A known place in the list: the row at `position` is the first one after `key`. */
export interface Anchor {
  readonly position: number;
  readonly key: PageKey | null;
}

/**
 * `count` rows from `start`: keyset from the nearest anchor at or before `start`, skipping the few
 * rows between. With no anchor it starts at the top (an offset over the index, no rows loaded).
 */
export async function readWindow(
  db: LullDb,
  filter: InboxFilter,
  now: number,
  start: number,
  count: number,
  anchor: Anchor = { position: 0, key: null },
): Promise<StoredItem[]> {
  const plan = planFor(filter, now);
  if (plan.kind === 'memory') {
    const rows = await readMatches(db, filter, plan, now);
    return rows.slice(start, start + count);
  }
  const from = start - anchor.position > FAR_ROWS ? await seekAnchor(db, plan, start, anchor) : anchor;
  const skip = Math.max(0, start - from.position);
  return after(db, plan, from.key).offset(skip).limit(count).toArray();
}

/** Past this many rows from the nearest anchor, finding a closer one beats stepping over them. */
const FAR_ROWS = 400;

/** Stands before every row due at `deadline` or later: no id sorts after it. */
const beforeDeadline = (deadline: number): PageKey => ({ deadline: deadline - 1, id: '\u{10FFFF}' });

/**
 * A scroll jump: an anchor close before `position`, found by halving the deadline span with index
 * counts (each a count over a key range, no rows read) instead of stepping over every row before it.
 */
async function seekAnchor(db: LullDb, plan: IndexPlan, position: number, known: Anchor): Promise<Anchor> {
  const all = allRows(db, plan);
  const [first, last] = await Promise.all([all.first(), all.clone().last()]);
  if (!first || !last) return known;
  let lo = first.deadline;
  let hi = last.deadline + 1;
  let best = known;
  // Rows due before lo number at most `position`; rows due before hi number more.
  while (hi - lo > 1) {
    const mid = Math.floor(lo + (hi - lo) / 2);
    const before = await range(db, plan, Number.NEGATIVE_INFINITY, mid).count();
    if (before <= position) {
      lo = mid;
      if (before > best.position) best = { position: before, key: beforeDeadline(mid) };
      if (position - before <= FAR_ROWS / 4) break;
    } else hi = mid;
  }
  return best;
}

/** The anchor nearest at or before `position`, from a list of them. */
export function nearestAnchor(anchors: ReadonlyMap<number, PageKey | null>, position: number): Anchor {
  let best: Anchor = { position: 0, key: null };
  for (const [at, key] of anchors) if (at <= position && at > best.position) best = { position: at, key };
  return best;
}

/** How many rows the filter matches at `now`, without reading them on the indexed plans. */
export async function countMatching(db: LullDb, filter: InboxFilter, now: number): Promise<number> {
  const plan = planFor(filter, now);
  if (plan.kind === 'index') return allRows(db, plan).count();
  return (await readMatches(db, filter, plan, now)).length;
}

export interface FacetCounts {
  /** Per option, the count with that option chosen and the other filters as they are. */
  readonly status: Readonly<Record<ItemStatus, number>>;
  readonly channel: Readonly<Record<Channel, number>>;
  readonly source: Readonly<Record<string, number>>;
  readonly overdue: number;
}

/** The counts the filter controls show, so a person sees what each choice would leave. */
export async function facetCounts(
  db: LullDb,
  filter: InboxFilter,
  now: number,
  channels: readonly Channel[],
  sources: readonly string[],
): Promise<FacetCounts> {
  const terms = searchTerms(filter.text);
  // A search reads its matches once (whatever their status); every facet is then counted from them.
  const matches = terms.length > 0 ? await readWordMatches(db, terms) : null;
  const count = async (change: Partial<InboxFilter>) => {
    const next = { ...filter, ...change };
    if (!matches) return countMatching(db, next, now);
    return matches.filter((item) => matchesFilter(item, next, now)).length;
  };
  const statuses = ['open', 'snoozed', 'done'] as const;
  const [status, channel, source, overdue] = await Promise.all([
    Promise.all(statuses.map((s) => count({ status: s }))),
    Promise.all(channels.map((c) => count({ channel: c }))),
    Promise.all(sources.map((s) => count({ source: s }))),
    count({ overdue: true }),
  ]);
  return {
    status: Object.fromEntries(statuses.map((s, i) => [s, status[i] ?? 0])) as Record<ItemStatus, number>,
    channel: Object.fromEntries(channels.map((c, i) => [c, channel[i] ?? 0])) as Record<Channel, number>,
    source: Object.fromEntries(sources.map((s, i) => [s, source[i] ?? 0])),
    overdue,
  };
}

/** The sources that have rows, for the source filter. Reads index keys only. */
export async function knownSources(db: LullDb): Promise<string[]> {
  return (await db.items.orderBy('source').uniqueKeys()) as string[];
}
