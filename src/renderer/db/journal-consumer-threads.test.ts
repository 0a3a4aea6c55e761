import { describe, expect, it } from 'vitest';
import { openTestDb, testItem } from '../../../test/helpers/renderer-db';
import { DEFAULT_FILTER, readWindow } from './inbox-query';
import { getJournalSeq, setItemsState } from './items-repo';
import { applyJournalPage } from './journal-consumer';
import type { LullDb } from './lull-db';

const openDb = openTestDb;

/** The open rows, in the order the inbox lists them. */
const openItems = (db: LullDb) => readWindow(db, DEFAULT_FILTER, 0, 0, 1_000);

const item = testItem;

describe('journal consumer: a done item returns with new activity', () => {
  it('reopens a re-delivered item that arrives after it was done (new activity in a GitHub thread)', async () => {
    const db = openDb();
    await applyJournalPage(db, [
      { seq: 1, kind: 'item', item: item('gh', { threadId: 't-1', receivedAt: 1_000 }) },
    ]);
    await setItemsState(db, ['me/gh'], { state: 'done', at: 2_000 });

    await applyJournalPage(db, [
      {
        seq: 2,
        kind: 'item',
        item: item('gh', { threadId: 't-1', title: 'New comment', receivedAt: 3_000 }),
      },
    ]);

    const row = await db.items.get('me/gh');
    expect(row).toMatchObject({ title: 'New comment', status: 'open', receivedAt: 3_000 });
    expect(row?.doneAt).toBeUndefined();
    expect((await openItems(db)).map((i) => i.id)).toEqual(['me/gh']);
  });

  it('reopens done items of the same thread when a newer update arrives, in the same transaction', async () => {
    const db = openDb();
    await applyJournalPage(db, [
      { seq: 1, kind: 'item', item: item('a', { threadId: 't-1', receivedAt: 1_000 }) },
      { seq: 2, kind: 'item', item: item('b', { threadId: 't-1', receivedAt: 1_500 }) },
      { seq: 3, kind: 'item', item: item('late', { threadId: 't-1', receivedAt: 1_600 }) },
      { seq: 4, kind: 'item', item: item('other', { threadId: 't-2', receivedAt: 1_000 }) },
      { seq: 5, kind: 'item', item: item('loose', { receivedAt: 1_000 }) },
    ]);
    await setItemsState(db, ['me/a'], { state: 'done', at: 2_000 });
    await setItemsState(db, ['me/b'], { state: 'done', at: 2_000 });
    // Done after the new update arrived: the user already saw it, so it stays done.
    await setItemsState(db, ['me/late'], { state: 'done', at: 6_000 });
    await setItemsState(db, ['me/other'], { state: 'done', at: 2_000 });
    await setItemsState(db, ['me/loose'], { state: 'done', at: 2_000 });

    await applyJournalPage(db, [
      { seq: 6, kind: 'item', item: item('c', { threadId: 't-1', receivedAt: 5_000 }) },
    ]);

    for (const id of ['me/a', 'me/b', 'me/c']) {
      const row = await db.items.get(id);
      expect(row?.status, id).toBe('open');
      expect(row?.doneAt, id).toBeUndefined();
    }
    for (const id of ['me/late', 'me/other', 'me/loose']) {
      expect((await db.items.get(id))?.status, id).toBe('done');
    }
    expect(await getJournalSeq(db)).toBe(6);
  });

  it('keeps a thread done when the update in it is older than the done (a late or replayed copy)', async () => {
    const db = openDb();
    await applyJournalPage(db, [
      { seq: 1, kind: 'item', item: item('a', { threadId: 't-1', receivedAt: 1_000 }) },
    ]);
    await setItemsState(db, ['me/a'], { state: 'done', at: 4_000 });
    await applyJournalPage(db, [
      { seq: 2, kind: 'item', item: item('b', { threadId: 't-1', receivedAt: 3_000 }) },
      { seq: 3, kind: 'item', item: item('a', { threadId: 't-1', receivedAt: 1_000, title: 'Same again' }) },
    ]);
    expect(await db.items.get('me/a')).toMatchObject({ status: 'done', doneAt: 4_000, title: 'Same again' });
    expect(await db.items.get('me/b')).toMatchObject({ status: 'open' });
  });
});
