import { describe, expect, it } from 'vitest';
import { openTestDb } from '../../../test/helpers/renderer-db';
import type { InboxItem } from '../../shared/schemas';
import { DEFAULT_FILTER, readWindow } from './inbox-query';
import { getItems, latestDigestRow, setItemsState } from './items-repo';
import { applyJournalPage, mergeItem } from './journal-consumer';
import type { LullDb } from './lull-db';
import { wakeDueSnoozes } from './snooze-wake';

const openDb = openTestDb;

/** The open rows, in the order the inbox lists them. */
const openItems = (db: LullDb) => readWindow(db, DEFAULT_FILTER, 0, 0, 1_000);

function item(externalId: string, deadline: number): InboxItem {
  return {
    id: `me/${externalId}`,
    source: 'me',
    externalId,
    channel: 'chat',
    title: `Item ${externalId}`,
    receivedAt: 1,
    deadline,
    deadlineExplicit: false,
    priority: 'normal',
    ingestedAt: 1,
  };
}

async function seed(db: LullDb) {
  await applyJournalPage(db, [
    { seq: 1, kind: 'item', item: item('a', 30) },
    { seq: 2, kind: 'item', item: item('b', 10) },
    { seq: 3, kind: 'item', item: item('c', 20) },
  ]);
}

describe('item state', () => {
  it('hides a snoozed item until its time, then lists it by deadline again', async () => {
    const db = openDb();
    await seed(db);
    await setItemsState(db, ['me/b'], { state: 'snoozed', until: 1_000 });
    await wakeDueSnoozes(db, 999);
    expect((await openItems(db)).map((i) => i.externalId)).toEqual(['c', 'a']);
    await wakeDueSnoozes(db, 1_000);
    expect((await openItems(db)).map((i) => i.externalId)).toEqual(['b', 'c', 'a']);
  });

  it('keeps only the fields of the latest state: done, then undo, then snoozed', async () => {
    const db = openDb();
    await seed(db);
    await setItemsState(db, ['me/a', 'me/c'], { state: 'done', at: 5 });
    expect(await db.items.get('me/a')).toMatchObject({ status: 'done', doneAt: 5 });
    await setItemsState(db, ['me/a'], { state: 'open' });
    const reopened = await db.items.get('me/a');
    expect(reopened?.status).toBe('open');
    expect(reopened?.doneAt).toBeUndefined();
    await setItemsState(db, ['me/a'], { state: 'snoozed', until: 9 });
    expect(await db.items.get('me/a')).toMatchObject({ status: 'snoozed', snoozedUntil: 9 });
    expect((await db.items.get('me/a'))?.doneAt).toBeUndefined();
    expect((await getItems(db, ['me/c', 'me/none'])).map((i) => i?.status)).toEqual(['done', undefined]);
  });

  it('keeps a snooze when the source sends the item again', () => {
    const stored = { ...item('a', 30), status: 'snoozed' as const, snoozedUntil: 77 };
    expect(mergeItem(item('a', 40), stored)).toMatchObject({
      deadline: 40,
      status: 'snoozed',
      snoozedUntil: 77,
    });
  });

  it('opens a snoozed item again when the core says it woke, but leaves a done one done', async () => {
    const db = openDb();
    await seed(db);
    await setItemsState(db, ['me/a', 'me/b'], { state: 'snoozed', until: 9_999 });
    await setItemsState(db, ['me/c'], { state: 'done', at: 3 });
    await applyJournalPage(db, [
      { seq: 4, kind: 'wake', id: 'me/a', at: 50 },
      { seq: 5, kind: 'wake', id: 'me/c', at: 50 },
      { seq: 6, kind: 'wake', id: 'me/never-stored', at: 50 },
    ]);
    const a = await db.items.get('me/a');
    expect(a?.status).toBe('open');
    expect(a?.snoozedUntil).toBeUndefined();
    expect(await db.items.get('me/b')).toMatchObject({ status: 'snoozed', snoozedUntil: 9_999 });
    expect(await db.items.get('me/c')).toMatchObject({ status: 'done' });
    await wakeDueSnoozes(db, 60);
    expect((await openItems(db)).map((i) => i.externalId)).toEqual(['a']);
  });

  it('finds the latest released digest in history', async () => {
    const db = openDb();
    expect(await latestDigestRow(db)).toBeNull();
    await applyJournalPage(db, [
      {
        seq: 1,
        kind: 'event',
        event: { type: 'digest-released', at: 20, id: 'd2', cause: 'manual', itemIds: ['x'] },
      },
      { seq: 2, kind: 'event', event: { type: 'focus-ended', at: 30 } },
      {
        seq: 3,
        kind: 'event',
        event: { type: 'digest-released', at: 10, id: 'd1', cause: 'summary', itemIds: [] },
      },
    ]);
    expect(await latestDigestRow(db)).toMatchObject({ id: 'd2', itemIds: ['x'] });
  });
});
