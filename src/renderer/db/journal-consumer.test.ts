import { describe, expect, it } from 'vitest';
import { openTestDb, testItem } from '../../../test/helpers/renderer-db';
import { journalPageSchema } from '../../shared/contract';
import type { InboxItem, JournalEntry } from '../../shared/schemas';
import { DEFAULT_FILTER, readWindow } from './inbox-query';
import { getJournalSeq, setItemsState } from './items-repo';
import { applyJournalPage, type JournalApi, startJournalConsumer } from './journal-consumer';
import type { LullDb } from './lull-db';

const openDb = openTestDb;

/** The open rows, in the order the inbox lists them. */
const openItems = (db: LullDb) => readWindow(db, DEFAULT_FILTER, 0, 0, 1_000);

const item = testItem;

/** The core's journal semantics (src/core/journal/journal.ts) in memory, with hooks to observe the consumer. */
function fakeCore() {
  const entries: JournalEntry[] = [];
  const listeners = new Set<(payload: { lastSeq: number }) => void>();
  const state = { acked: 0, pulls: 0, inFlight: 0, maxInFlight: 0, acks: [] as number[] };
  let beforeAck: (seq: number) => Promise<void> = async () => {};
  const lastSeq = () => Math.max(state.acked, entries.at(-1)?.seq ?? 0);

  const api: JournalApi = {
    journal: {
      async pull({ sinceSeq, limit = 500 }) {
        state.pulls++;
        state.inFlight++;
        state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        state.inFlight--;
        const from = Math.max(sinceSeq, state.acked);
        return { entries: entries.filter((e) => e.seq > from).slice(0, limit), lastSeq: lastSeq() };
      },
      async ack({ seq }) {
        await beforeAck(seq);
        state.acks.push(seq);
        state.acked = Math.min(Math.max(state.acked, seq), lastSeq());
        return { ackedSeq: state.acked };
      },
    },
    onJournalAppended(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    // This fake never compacts below a window, so it never asks for a rebuild (rebuild.test.ts does).
    inbox: {
      snapshot: async () => {
        throw new Error('no rebuild expected');
      },
    } as unknown as JournalApi['inbox'],
  };

  return {
    api,
    state,
    append(...payloads: (InboxItem | JournalEntry['kind'])[]) {
      for (const payload of payloads) {
        const seq = lastSeq() + 1;
        entries.push(
          typeof payload === 'string'
            ? { seq, kind: 'event', event: { type: 'focus-ended', at: seq } }
            : { seq, kind: 'item', item: payload },
        );
      }
      for (const listener of listeners) listener({ lastSeq: lastSeq() });
    },
    onAck(hook: (seq: number) => Promise<void>) {
      beforeAck = hook;
    },
    reset() {
      entries.length = 0;
      state.acked = 0;
    },
  };
}

describe('journal consumer', () => {
  it('pulls in pages until caught up, stores the sequence and acks', async () => {
    const core = fakeCore();
    core.append(item('1'), item('2'), item('3'), item('4'), item('5'));
    const db = openDb();
    const consumer = startJournalConsumer(core.api, db, { pageSize: 2 });
    await consumer.sync();
    expect((await db.items.toArray()).map((i) => i.id).sort()).toEqual([
      'me/1',
      'me/2',
      'me/3',
      'me/4',
      'me/5',
    ]);
    expect(await getJournalSeq(db)).toBe(5);
    expect(core.state.acks).toEqual([2, 4, 5]);
    consumer.stop();
  });

  it('updates a re-delivered item in place and keeps what the user did with it', async () => {
    const core = fakeCore();
    core.append(item('1', { deadline: 5_000 }), item('2'));
    const db = openDb();
    const consumer = startJournalConsumer(core.api, db);
    await consumer.sync();
    await setItemsState(db, ['me/1'], { state: 'done', at: 7_000 });

    core.append(item('1', { title: 'Edited', deadline: 9_000 }));
    await consumer.sync();

    expect(await db.items.count()).toBe(2);
    expect(await db.items.get('me/1')).toMatchObject({
      title: 'Edited',
      deadline: 9_000,
      status: 'done',
      doneAt: 7_000,
    });
    expect(await db.items.get('me/2')).toMatchObject({ status: 'open' });
    expect((await db.items.get('me/2'))?.doneAt).toBeUndefined();
    consumer.stop();
  });

  it('is idempotent: the same page twice leaves the same database', async () => {
    const db = openDb();
    const page: JournalEntry[] = [
      { seq: 1, kind: 'item', item: item('1') },
      { seq: 2, kind: 'event', event: { type: 'focus-started', at: 5, cause: 'manual', until: null } },
      { seq: 3, kind: 'item', item: item('1', { title: 'Later copy wins' }) },
    ];
    expect(await applyJournalPage(db, page)).toBe(3);
    const snapshot = { items: await db.items.toArray(), history: await db.history.toArray() };
    expect(await applyJournalPage(db, page)).toBe(3);
    expect({ items: await db.items.toArray(), history: await db.history.toArray() }).toEqual(snapshot);
    expect(snapshot.items).toHaveLength(1);
    expect(snapshot.items[0]?.title).toBe('Later copy wins');
    expect(snapshot.history).toMatchObject([{ type: 'focus-started', at: 5, seq: 2 }]);
  });

  it('keeps one history row per summary, even when the core journaled it twice', async () => {
    const db = openDb();
    const released = (seq: number): JournalEntry => ({
      seq,
      kind: 'event',
      event: { type: 'digest-released', at: 7, id: 'digest@7:manual', cause: 'manual', itemIds: ['a'] },
    });
    expect(await applyJournalPage(db, [released(1)])).toBe(1);
    // A later page with the same summary (recovered after a crash) still applies: its item arrives.
    expect(await applyJournalPage(db, [released(2), { seq: 3, kind: 'item', item: item('b') }])).toBe(3);
    expect(await db.history.toArray()).toMatchObject([{ type: 'digest-released', id: 'digest@7:manual' }]);
    expect(await db.items.count()).toBe(1);
  });

  it('records each focus session in history with its cause and the rule behind it', async () => {
    const db = openDb();
    // Parsed as the WebSocket client parses a pulled page, so a field the schema drops would show here.
    const page = journalPageSchema.parse({
      lastSeq: 3,
      entries: [
        {
          seq: 1,
          kind: 'event',
          event: { type: 'focus-started', at: 10, cause: 'schedule', until: 20, ruleName: 'Deep work' },
        },
        { seq: 2, kind: 'event', event: { type: 'focus-ended', at: 20 } },
        { seq: 3, kind: 'event', event: { type: 'focus-started', at: 30, cause: 'manual', until: null } },
      ],
    });
    await applyJournalPage(db, page.entries);
    expect(await db.history.orderBy('at').toArray()).toMatchObject([
      { type: 'focus-started', at: 10, cause: 'schedule', until: 20, ruleName: 'Deep work', seq: 1 },
      { type: 'focus-ended', at: 20, seq: 2 },
      { type: 'focus-started', at: 30, cause: 'manual', until: null, seq: 3 },
    ]);
  });

  it('deletes a retracted item in the same transaction, whatever the user did with it', async () => {
    const db = openDb();
    await applyJournalPage(db, [
      { seq: 1, kind: 'item', item: item('1') },
      { seq: 2, kind: 'item', item: item('2') },
    ]);
    await setItemsState(db, ['me/1'], { state: 'done', at: 5 });
    const page: JournalEntry[] = [
      { seq: 3, kind: 'retract', id: 'me/1' },
      { seq: 4, kind: 'item', item: item('3') },
      { seq: 5, kind: 'retract', id: 'me/3' },
      { seq: 6, kind: 'retract', id: 'me/never-stored' },
    ];
    expect(await applyJournalPage(db, page)).toBe(6);
    expect((await db.items.toArray()).map((i) => i.id)).toEqual(['me/2']);
    expect(await db.history.count()).toBe(0);
    expect(await applyJournalPage(db, page)).toBe(6);
    expect(await db.items.count()).toBe(1);
  });

  it('takes an item sent again after its retraction as new, and skips kinds it does not know', async () => {
    const db = openDb();
    await applyJournalPage(db, [{ seq: 1, kind: 'item', item: item('1') }]);
    await setItemsState(db, ['me/1'], { state: 'done', at: 5 });
    const page = [
      { seq: 2, kind: 'retract', id: 'me/1' },
      { seq: 3, kind: 'item', item: item('1', { title: 'Back again' }) },
      { seq: 4, kind: 'from-a-newer-core', id: 'me/1' },
    ] as JournalEntry[];
    expect(await applyJournalPage(db, page)).toBe(4);
    expect(await db.items.get('me/1')).toMatchObject({ title: 'Back again', status: 'open' });
    expect((await db.items.get('me/1'))?.doneAt).toBeUndefined();
    expect(await db.history.count()).toBe(0);
  });

  it('acks only once the page is committed', async () => {
    const core = fakeCore();
    core.append(item('1'), item('2'));
    const db = openDb();
    const seenAtAck: { seq: number; stored: number; items: number }[] = [];
    core.onAck(async (seq) => {
      seenAtAck.push({ seq, stored: await getJournalSeq(db), items: await db.items.count() });
    });
    const consumer = startJournalConsumer(core.api, db);
    await consumer.sync();
    expect(seenAtAck).toEqual([{ seq: 2, stored: 2, items: 2 }]);
    consumer.stop();
  });

  it('survives a crash between the write and the ack', async () => {
    const core = fakeCore();
    core.append(item('1'), 'event');
    const db = openDb('crash');
    const errors: unknown[] = [];
    core.onAck(async () => {
      throw new Error('renderer died');
    });
    const crashed = startJournalConsumer(core.api, db, { onError: (e) => errors.push(e) });
    await crashed.sync();
    crashed.stop();
    expect(errors).toHaveLength(1);
    expect(core.state.acked).toBe(0);

    // A new renderer on the same database: nothing is duplicated and the core finally hears the ack.
    core.onAck(async () => {});
    const reopened = openDb('crash');
    const consumer = startJournalConsumer(core.api, reopened);
    await consumer.sync();
    expect(await reopened.items.count()).toBe(1);
    expect(await reopened.history.count()).toBe(1);
    expect(core.state.acked).toBe(2);
    consumer.stop();
  });

  it('never runs two pulls at once, however many appends arrive', async () => {
    const core = fakeCore();
    const db = openDb();
    const consumer = startJournalConsumer(core.api, db, { pageSize: 1 });
    for (let i = 1; i <= 5; i++) core.append(item(String(i)));
    await Promise.all([consumer.sync(), consumer.sync(), consumer.sync()]);
    await consumer.sync();
    expect(core.state.maxInFlight).toBe(1);
    expect(await db.items.count()).toBe(5);
    expect(await getJournalSeq(db)).toBe(5);
    consumer.stop();
  });

  it('syncs on its own when the core announces an append', async () => {
    const core = fakeCore();
    const db = openDb();
    const consumer = startJournalConsumer(core.api, db);
    await consumer.sync();
    core.append(item('1'));
    await expect.poll(() => db.items.count()).toBe(1);
    consumer.stop();
    core.append(item('2'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await db.items.count()).toBe(1);
  });

  it('starts over when the core journal was reset behind its back', async () => {
    const core = fakeCore();
    core.append(item('1'), item('2'), item('3'));
    const db = openDb();
    const consumer = startJournalConsumer(core.api, db);
    await consumer.sync();
    expect(await getJournalSeq(db)).toBe(3);

    core.reset();
    core.append(item('4'));
    await consumer.sync();
    expect(await db.items.get('me/4')).toBeDefined();
    expect(await getJournalSeq(db)).toBe(1);
    consumer.stop();
  });

  it('stores items so the inbox lists the open ones by deadline', async () => {
    const db = openDb();
    await applyJournalPage(db, [
      { seq: 1, kind: 'item', item: item('late', { deadline: 30 }) },
      { seq: 2, kind: 'item', item: item('soon', { deadline: 10 }) },
      { seq: 3, kind: 'item', item: item('mid', { deadline: 20 }) },
    ]);
    await setItemsState(db, ['me/mid'], { state: 'done', at: 1 });
    expect((await openItems(db)).map((i) => i.externalId)).toEqual(['soon', 'late']);
  });
});
