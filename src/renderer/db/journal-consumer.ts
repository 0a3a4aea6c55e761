/**
 * Moves the core's journal into Dexie (DESIGN.md "The journal is the seam"): pull from the stored
 * sequence, write each page in one transaction, store the new sequence in that same transaction, and
 * ack only after it commits. A crash anywhere loses nothing: before the commit the page is pulled
 * again; after it, the stored sequence skips it and the ack is simply sent later.
 */
import type { LullApi, Unsubscribe } from '../../shared/contract';
import type { InboxItem, JournalEntry } from '../../shared/schemas';
import { getJournalSeq } from './items-repo';
import type { HistoryRow, LullDb, StoredItem } from './lull-db';
import { rebuildFromSnapshot, type SnapshotApi } from './rebuild';

export type JournalApi = Pick<LullApi, 'journal' | 'onJournalAppended'> & SnapshotApi;

export interface JournalConsumerOptions {
  pageSize?: number;
  /** Subscribe to "the link to the core is back": a sync runs on each. */
  onReconnect?: (listener: () => void) => Unsubscribe;
  /** First retry delay after a failed sync; doubles up to 60 s. */
  retryMs?: number;
  onError?: (error: unknown) => void;
}

export interface JournalConsumer {
  /** Pulls until caught up; concurrent requests share one run (plus one more if asked meanwhile). */
  sync(): Promise<void>;
  stop(): void;
}

/**
 * A re-delivered item takes the new content and deadline but keeps what the user did with it, unless
 * it was done before the new copy arrived: new activity (GitHub re-sends a thread with a later
 * `receivedAt`) brings it back.
 */
export function mergeItem(item: InboxItem, existing: StoredItem | undefined): StoredItem {
  if (existing && doneBefore(existing, item.receivedAt)) return { ...item, status: 'open' };
  const merged: StoredItem = { ...item, status: existing?.status ?? 'open' };
  if (existing?.doneAt !== undefined) merged.doneAt = existing.doneAt;
  if (existing?.snoozedUntil !== undefined) merged.snoozedUntil = existing.snoozedUntil;
  return merged;
}

function doneBefore(item: StoredItem, at: number): boolean {
  return item.status === 'done' && item.doneAt !== undefined && item.doneAt < at;
}

/** Per thread, the latest arrival among the incoming items. */
function latestByThread(items: Iterable<InboxItem>): Map<string, number> {
  const latest = new Map<string, number>();
  for (const item of items) {
    if (!item.threadId) continue;
    latest.set(item.threadId, Math.max(latest.get(item.threadId) ?? 0, item.receivedAt));
  }
  return latest;
}

/**
 * Writes one page in one transaction. Entries at or below the stored sequence are skipped, so
 * applying the same page twice changes nothing. Returns the stored sequence afterwards.
 */
export async function applyJournalPage(db: LullDb, entries: readonly JournalEntry[]): Promise<number> {
  return db.transaction('rw', db.items, db.meta, db.history, async () => {
    const stored = await getJournalSeq(db);
    const fresh = entries.filter((entry) => entry.seq > stored).sort((a, b) => a.seq - b.seq);
    const last = fresh.at(-1)?.seq;
    if (last === undefined) return stored;

    // Within a page the latest copy of an item wins; a retraction deletes the row, and an item sent
    // again after its retraction starts afresh, keeping nothing of the deleted row.
    const items = new Map<string, InboxItem>();
    const retracted = new Set<string>();
    const woken = new Set<string>();
    const events: Omit<HistoryRow, 'id'>[] = [];
    for (const entry of fresh) {
      if (entry.kind === 'item') items.set(entry.item.id, entry.item);
      else if (entry.kind === 'retract') {
        items.delete(entry.id);
        retracted.add(entry.id);
        woken.delete(entry.id);
      } else if (entry.kind === 'wake') woken.add(entry.id);
      else if (entry.kind === 'event') events.push({ ...entry.event, seq: entry.seq });
      // A kind this version does not know is skipped; its sequence is still stored below.
    }
    if (retracted.size > 0) await db.items.bulkDelete([...retracted]);
    const ids = [...items.keys()];
    const existing = await db.items.bulkGet(ids);
    await db.items.bulkPut(
      ids.map((id, index) => mergeItem(items.get(id)!, retracted.has(id) ? undefined : existing[index])),
    );
    // A new update in a thread brings back what was done in it before that update arrived.
    const threads = latestByThread(items.values());
    if (threads.size > 0) {
      await db.items
        .where('threadId')
        .anyOf([...threads.keys()])
        .filter((row) => doneBefore(row, threads.get(row.threadId ?? '') ?? 0))
        .modify((row) => {
          row.status = 'open';
          delete row.doneAt;
        });
    }
    // A snoozed item's time has come: open again. One the user has since marked done stays done.
    if (woken.size > 0) {
      await db.items
        .where('id')
        .anyOf([...woken])
        .filter((item) => item.status === 'snoozed')
        .modify((item) => {
          item.status = 'open';
          delete item.snoozedUntil;
        });
    }
    // Put, not add: a summary's row is keyed by its digest id, so one recorded twice (a crash between
    // the core's journal append and its confirmation) is one row, and the page still applies.
    if (events.length > 0) await db.history.bulkPut(events as HistoryRow[]);
    await db.meta.put({ key: 'journalSeq', value: last });
    return last;
  });
}

export function startJournalConsumer(
  api: JournalApi,
  db: LullDb,
  options: JournalConsumerOptions = {},
): JournalConsumer {
  const pageSize = options.pageSize ?? 500;
  const firstRetry = options.retryMs ?? 2_000;
  let retryDelay = firstRetry;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The highest sequence this session told the core about. */
  let ackedSeq = -1;

  async function ack(seq: number): Promise<void> {
    await api.journal.ack({ seq });
    ackedSeq = Math.max(ackedSeq, seq);
  }

  async function drain(): Promise<void> {
    for (;;) {
      if (stopped) return;
      let since = await getJournalSeq(db);
      const page = await api.journal.pull({ sinceSeq: since, limit: pageSize });
      if (page.rebuild) {
        // What this window needs of the journal is gone: take the core's snapshot, then pull on.
        await rebuildFromSnapshot(api, db);
        continue;
      }
      if (page.lastSeq < since) {
        // The core's journal started over (its data was reset): our position means nothing now.
        // Items are keyed by id, so taking everything again only refreshes them.
        await db.meta.put({ key: 'journalSeq', value: 0 });
        since = 0;
        ackedSeq = -1;
        if (page.entries.length === 0) continue;
      }
      const before = since;
      const stored = await applyJournalPage(db, page.entries);
      if (stored > ackedSeq && stored > 0) await ack(stored);
      const caughtUp = page.entries.length === 0 || stored >= page.lastSeq;
      // A page with nothing new would loop forever; the next append or reconnect tries again.
      if (caughtUp || stored === before) return;
    }
  }

  function scheduleRetry(): void {
    if (stopped) return;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      void sync();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 60_000);
  }

  function sync(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await drain();
        } while (again && !stopped);
        retryDelay = firstRetry;
      } catch (error) {
        options.onError?.(error);
        scheduleRetry();
      } finally {
        running = null;
      }
    })();
    return running;
  }

  const offAppended = api.onJournalAppended(() => {
    void sync();
  });
  const offReconnect = options.onReconnect?.(() => {
    void sync();
  });
  void sync();

  return {
    sync,
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      offAppended();
      offReconnect?.();
    },
  };
}
