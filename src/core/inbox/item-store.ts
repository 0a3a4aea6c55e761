import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DAY_MS } from '../../shared/channels';
import { type InboxItem, inboxItemSchema } from '../../shared/schemas';
import { openAppendLog } from '../lib/append-log';
import { readFileIfExists, syncDirectory } from '../lib/atomic-file';
import { createGroupCommit } from '../lib/group-commit';
import { createSerialQueue } from '../lib/serial';
import type { Clock, Logger } from '../ports';

/** Every change since the last snapshot, one JSON line each, fsync'd before the change is acknowledged. */
export const ITEM_LOG_FILE = 'items.log.jsonl';
/** The log a snapshot in progress took over; gone once the snapshot is in place. */
export const ITEM_LOG_OLD_FILE = 'items.log.old.jsonl';
/** All remembered items at one moment, written whole in the background and renamed into place. */
export const ITEM_SNAPSHOT_FILE = 'items.snapshot.jsonl';
/** Before the delta log (0.1): the whole memory, rewritten on every journal compaction. Read once. */
export const LEGACY_ITEMS_FILE = 'items.json';

/** Done items are remembered this long after they were done; open and snoozed items for ever. */
export const DONE_RETENTION_MS = 90 * DAY_MS;
/** A snapshot is due once the log holds this many changes, or as many as there are items if more. */
const MIN_CHANGES_PER_SNAPSHOT = 1_000;

const userStateSchema = z.object({
  state: z.enum(['open', 'done', 'snoozed']),
  at: z.number(),
  snoozedUntil: z.number().optional(),
});
/** The user's latest word on an item: done, snoozed until, or reopened, and when. */
export type UserState = z.output<typeof userStateSchema>;

const changeSchema = z.discriminatedUnion('op', [
  /** `rev`: the store's own sequence, so listings follow arrival order whatever the wall clock did. */
  z.object({ op: z.literal('put'), item: inboxItemSchema, rev: z.number().int().min(1).optional() }),
  z.object({ op: z.literal('remove'), id: z.string() }),
  z.object({ op: z.literal('state'), id: z.string(), user: userStateSchema }),
]);
type Change = z.output<typeof changeSchema>;

const snapshotLineSchema = z.object({
  item: inboxItemSchema,
  user: userStateSchema.optional(),
  rev: z.number().int().min(1).optional(),
});
const SNAPSHOT_HEADER = { format: 'lull-items', version: 1 } as const;

export interface ItemStore {
  get(id: string): InboxItem | undefined;
  userState(id: string): UserState | undefined;
  /** When the item last changed, as the store's sequence (higher is later); 0 for an unknown id. */
  rev(id: string): number;
  /** Every remembered item, in no particular order. */
  items(): IterableIterator<InboxItem>;
  size(): number;
  /**
   * No snapshot and no log existed at open: a new data dir, or one from before this store (whose
   * journal may hold items no window has acked yet, to be put here once).
   */
  readonly fresh: boolean;
  /** Durable when it resolves; a write of O(items) bytes, never of the whole memory. */
  put(items: readonly InboxItem[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  setState(ids: readonly string[], user: UserState): Promise<void>;
  /**
   * Changes items on their latest copy, read inside the write queue so no put slips in between (a
   * re-send is never overwritten by an older copy); answers the items as written. Unknown ids are
   * skipped.
   */
  update(ids: readonly string[], change: (item: InboxItem) => InboxItem): Promise<InboxItem[]>;
  /** Writes a snapshot now (or waits for the one running) and retires the log it covers. */
  snapshot(): Promise<void>;
  /** Waits for the write and the snapshot in flight, then closes the log. */
  close(): Promise<void>;
}

/**
 * The core's durable memory of items and their user state (DESIGN.md data ownership): the source of
 * truth behind `GET /v1/updates`, backups and rebuilding a window. An append-only delta log with
 * periodic snapshots: a change costs its own bytes, and a snapshot (written in the background and
 * renamed into place) costs the whole memory only once per as many changes as there are items.
 *
 * Recovery after kill -9 at any point is the snapshot, then the log a snapshot in progress took over,
 * then the current log: replaying a change twice is harmless, so every order of crash yields the
 * acknowledged state.
 */
export async function openItemStore(options: {
  dataDir: string;
  clock: Clock;
  logger: Logger;
}): Promise<ItemStore> {
  const { dataDir, logger } = options;
  const file = (name: string) => path.join(dataDir, name);
  const items = new Map<string, InboxItem>();
  const users = new Map<string, UserState>();
  const revs = new Map<string, number>();
  let lastRev = 0;
  const serial = createSerialQueue();

  /** Records from before revs existed get the next one, in file order. */
  function setRev(id: string, rev: number | undefined): void {
    lastRev = Math.max(lastRev + (rev === undefined ? 1 : 0), rev ?? 0);
    revs.set(id, rev ?? lastRev);
  }

  function apply(change: Change): void {
    if (change.op === 'put') {
      items.set(change.item.id, change.item);
      setRev(change.item.id, change.rev);
    } else if (change.op === 'remove') {
      items.delete(change.id);
      users.delete(change.id);
      revs.delete(change.id);
    } else if (items.has(change.id)) users.set(change.id, change.user);
  }

  // Existence only: reading the files here as well would read a 100,000-item snapshot twice at start.
  const fresh = !existsSync(file(ITEM_SNAPSHOT_FILE)) && !existsSync(file(ITEM_LOG_FILE));
  const interrupted = existsSync(file(ITEM_LOG_OLD_FILE));
  const legacyFile = existsSync(file(LEGACY_ITEMS_FILE));
  await loadSnapshot();
  const parse = (value: unknown) => {
    const result = changeSchema.safeParse(value);
    return result.success ? result.data : null;
  };
  if (interrupted) {
    const replayed = await openAppendLog({ file: file(ITEM_LOG_OLD_FILE), logger, parse });
    for (const change of replayed.records) apply(change);
    await replayed.log.close();
  }
  let opened = await openAppendLog({ file: file(ITEM_LOG_FILE), logger, parse });
  for (const change of opened.records) apply(change);
  let log = opened.log;
  let changes = opened.records.length;
  let snapshotting: Promise<void> | null = null;
  let closed = false;

  // A snapshot a crash interrupted, or the legacy file: write what memory now holds (all of it) as
  // the snapshot before anything else, then drop what it covers. The current log stays: its changes
  // are in the snapshot too, and replaying them again changes nothing.
  if (interrupted || legacyFile) {
    await writeSnapshot(capture());
    await retireCovered();
  }

  function capture() {
    return [...items.values()].map((item) => ({ item, user: users.get(item.id), rev: revs.get(item.id) }));
  }

  async function retireCovered(): Promise<void> {
    await fs.rm(file(ITEM_LOG_OLD_FILE), { force: true });
    await fs.rm(file(LEGACY_ITEMS_FILE), { force: true });
    await syncDirectory(dataDir);
  }

  async function loadSnapshot(): Promise<void> {
    const text = await readFileIfExists(file(ITEM_SNAPSHOT_FILE));
    if (text !== null) {
      const lines = text.split('\n');
      let skipped = 0;
      for (const line of lines.slice(1)) {
        if (line === '') continue;
        try {
          const parsed = snapshotLineSchema.safeParse(JSON.parse(line));
          if (!parsed.success) throw parsed.error;
          items.set(parsed.data.item.id, parsed.data.item);
          setRev(parsed.data.item.id, parsed.data.rev);
          if (parsed.data.user) users.set(parsed.data.item.id, parsed.data.user);
        } catch {
          skipped++;
        }
      }
      if (skipped > 0) logger.warn(`${ITEM_SNAPSHOT_FILE}: ${skipped} unreadable item(s) skipped`);
      return;
    }
    const legacy = await readFileIfExists(file(LEGACY_ITEMS_FILE));
    if (legacy === null) return;
    try {
      for (const raw of JSON.parse(legacy) as unknown[]) {
        const parsed = inboxItemSchema.safeParse(raw);
        if (parsed.success) {
          items.set(parsed.data.id, parsed.data);
          setRev(parsed.data.id, undefined);
        }
      }
    } catch {
      logger.warn(`${LEGACY_ITEMS_FILE} unreadable; the item memory starts from the log alone`);
    }
  }

  /** Whether retention lets an item go: done for longer than DONE_RETENTION_MS. */
  const expired = (id: string, now: number) => {
    const user = users.get(id);
    return user?.state === 'done' && user.at < now - DONE_RETENTION_MS;
  };

  /**
   * Phase one, in the write queue so no change slips between: the current log becomes the old one,
   * a new log starts, and the state is captured. Phase two, outside it: the capture is written to a
   * temp file, fsync'd and renamed over the snapshot; then the old log goes.
   */
  async function runSnapshot(): Promise<void> {
    const state = await serial(async () => {
      const now = options.clock.now();
      for (const id of [...items.keys()]) {
        if (expired(id, now)) {
          items.delete(id);
          users.delete(id);
        }
      }
      await log.close();
      await fs.rename(file(ITEM_LOG_FILE), file(ITEM_LOG_OLD_FILE)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      opened = await openAppendLog({ file: file(ITEM_LOG_FILE), logger, parse });
      log = opened.log;
      changes = 0;
      return capture();
    });
    await writeSnapshot(state);
    await retireCovered();
  }

  async function writeSnapshot(
    rows: { item: InboxItem; user: UserState | undefined; rev: number | undefined }[],
  ): Promise<void> {
    const temp = file(`.${ITEM_SNAPSHOT_FILE}.tmp`);
    const handle = await fs.open(temp, 'w', 0o600);
    try {
      const header = { ...SNAPSHOT_HEADER, at: options.clock.now(), count: rows.length };
      await handle.write(`${JSON.stringify(header)}\n`);
      // In chunks: one string for 100,000 items would hold the whole memory twice over.
      for (let start = 0; start < rows.length; start += 1000) {
        const chunk = rows
          .slice(start, start + 1000)
          .map(({ item, user, rev }) => `${JSON.stringify(user ? { item, user, rev } : { item, rev })}\n`)
          .join('');
        await handle.write(chunk);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file(ITEM_SNAPSHOT_FILE));
  }

  function snapshotInBackground(): void {
    if (snapshotting || closed) return;
    snapshotting = runSnapshot()
      .catch((error: unknown) =>
        logger.error(`item snapshot failed (the log keeps every change): ${String(error)}`),
      )
      .finally(() => {
        snapshotting = null;
      });
  }

  async function write(batch: Change[]): Promise<void> {
    if (closed) throw new Error('the item store is closed');
    await log.append(batch);
    for (const change of batch) apply(change);
    changes += batch.length;
    if (changes >= Math.max(MIN_CHANGES_PER_SNAPSHOT, items.size)) snapshotInBackground();
  }
  const commit = createGroupCommit<Change>(serial, write);

  return {
    get: (id) => items.get(id),
    userState: (id) => users.get(id),
    rev: (id) => revs.get(id) ?? 0,
    items: () => items.values(),
    size: () => items.size,
    fresh,
    put: (list) => commit(list.map((item) => ({ op: 'put' as const, item, rev: ++lastRev }))),
    remove: (ids) => commit(ids.map((id) => ({ op: 'remove' as const, id }))),
    setState: (ids, user) =>
      commit(ids.filter((id) => items.has(id)).map((id) => ({ op: 'state' as const, id, user }))),
    update: (ids, change) =>
      serial(async () => {
        const next = ids.flatMap((id) => {
          const item = items.get(id);
          return item ? [change(item)] : [];
        });
        if (next.length > 0) await write(next.map((item) => ({ op: 'put' as const, item, rev: ++lastRev })));
        return next;
      }),
    async snapshot() {
      if (snapshotting) await snapshotting;
      else await runSnapshot();
    },
    async close() {
      await snapshotting;
      closed = true;
      await serial(() => log.close());
    },
  };
}
