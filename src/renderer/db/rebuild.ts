/**
 * Rebuilding a window from the core (DESIGN.md: the core is the source of truth, every window a
 * replica). When the journal entries a window needs are gone — another window acked them, or the
 * core bounded its journal — the window takes the core's snapshot of items and user state page by
 * page, then follows the journal from the snapshot's sequence. What the user changed here and the
 * core has not confirmed yet (the outbox) wins over the snapshot.
 */
import type { LullApi, SnapshotItem } from '../../shared/contract';
import type { LullDb, StoredItem } from './lull-db';

export type SnapshotApi = Pick<LullApi, 'inbox'>;

const PAGE = 1000;

/** Item ids with an action still in the outbox: their local state is newer than the core's. */
async function pendingIds(db: LullDb): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const row of await db.outbox.toArray()) {
    const payload = row.payload as { ids?: unknown; id?: unknown };
    if (Array.isArray(payload.ids)) for (const id of payload.ids) if (typeof id === 'string') ids.add(id);
    if (typeof payload.id === 'string') ids.add(payload.id);
  }
  return ids;
}

function fromSnapshot(item: SnapshotItem, existing: StoredItem | undefined, pending: boolean): StoredItem {
  if (pending && existing) {
    const { status, doneAt, snoozedUntil, ...content } = item;
    const kept: StoredItem = { ...content, status: existing.status };
    if (existing.doneAt !== undefined) kept.doneAt = existing.doneAt;
    if (existing.snoozedUntil !== undefined) kept.snoozedUntil = existing.snoozedUntil;
    return kept;
  }
  return item;
}

/** Replaces this window's items with the core's; answers the sequence to pull the journal from. */
export async function rebuildFromSnapshot(api: SnapshotApi, db: LullDb): Promise<number> {
  const pending = await pendingIds(db);
  const seen = new Set<string>();
  let seq: number | null = null;
  let afterId: string | undefined;
  for (;;) {
    const page = await api.inbox.snapshot(afterId === undefined ? { limit: PAGE } : { afterId, limit: PAGE });
    seq ??= page.seq;
    await db.transaction('rw', db.items, async () => {
      const existing = await db.items.bulkGet(page.items.map((item) => item.id));
      await db.items.bulkPut(
        page.items.map((item, index) => fromSnapshot(item, existing[index], pending.has(item.id))),
      );
    });
    for (const item of page.items) seen.add(item.id);
    if (page.nextAfterId === null) break;
    afterId = page.nextAfterId;
  }
  const from = seq ?? 0;
  await db.transaction('rw', db.items, db.meta, async () => {
    // Rows the core no longer has (retracted, or past retention) go, unless the user has a change
    // for them still on its way.
    const gone = (await db.items.toCollection().primaryKeys()).filter(
      (id) => !seen.has(id) && !pending.has(id),
    );
    await db.items.bulkDelete(gone);
    await db.meta.put({ key: 'journalSeq', value: from });
  });
  return from;
}
