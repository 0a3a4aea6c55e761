import { describe, expect, it } from 'vitest';
import { openTestDb, testItem } from '../../../test/helpers/renderer-db';
import { LullError } from '../../shared/contract';
import { setItemsState } from '../db/items-repo';
import type { LullDb } from '../db/lull-db';
import type { ConnectionSource, ConnectionState } from './connection';
import { createItemStateSync, SET_STATE_BATCH } from './item-state-sync';

/** The queue, oldest first, in the order the sender takes it. */
const queued = (db: LullDb) => db.outbox.orderBy('seq').toArray();

function fakeLink() {
  const listeners = new Set<(state: ConnectionState) => void>();
  const connection: ConnectionSource = {
    get: () => 'online',
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    connection,
    emit: (state: ConnectionState) => {
      for (const listener of listeners) listener(state);
    },
  };
}

type SetStateInput = {
  ids: string[];
  state: 'open' | 'done' | 'snoozed';
  snoozeUntil?: number;
  actionId?: string;
};

/** Applies each actionId once and answers a replay as a duplicate, as the core does. */
function fakeInbox() {
  const calls: SetStateInput[] = [];
  const applied = new Set<string>();
  let failWith: Error | null = null;
  const api = {
    inbox: {
      async setState(input: SetStateInput) {
        if (failWith) throw failWith;
        calls.push(input);
        if (input.actionId && applied.has(input.actionId)) return { updated: 0, duplicate: true };
        if (input.actionId) applied.add(input.actionId);
        return { updated: input.ids.length };
      },
    },
  };
  const sent = () => calls.map(({ actionId: _, ...rest }) => rest);
  return { api, calls, applied, sent, fail: (error: Error | null) => (failWith = error) };
}

/** The page's clock, pinned: every queued action is stamped with it. */
const clock = { now: () => 7_000 };

// The contract's type for the api; the fake implements the one method these tests need.
const asApi = (api: ReturnType<typeof fakeInbox>['api']) =>
  api as unknown as Parameters<typeof createItemStateSync>[0];

describe('item state sync', () => {
  it('tells the core in order, each change with its own actionId', async () => {
    const core = fakeInbox();
    const sync = createItemStateSync(asApi(core.api), openTestDb(), fakeLink().connection, clock);
    await sync.send(['a'], { state: 'done' });
    await sync.send(['a'], { state: 'open' });
    await sync.flush();
    expect(core.sent()).toEqual([
      { ids: ['a'], state: 'done' },
      { ids: ['a'], state: 'open' },
    ]);
    expect(new Set(core.calls.map((c) => c.actionId)).size).toBe(2);
    expect(await sync.pendingCount()).toBe(0);
  });

  it('keeps changes made offline, in order, and sends them all when the link is back', async () => {
    const core = fakeInbox();
    const link = fakeLink();
    const sync = createItemStateSync(asApi(core.api), openTestDb(), link.connection, clock);
    core.fail(new LullError('offline', 'Lull is not reachable'));
    await sync.send(['a', 'b', 'c'], { state: 'done' });
    await sync.send(['a'], { state: 'open' });
    await sync.send(['c'], { state: 'snoozed', snoozeUntil: 900 });
    await sync.flush();
    expect(await sync.pendingCount()).toBe(3);

    core.fail(null);
    link.emit('online');
    await sync.flush();
    expect(core.sent()).toEqual([
      { ids: ['a', 'b', 'c'], state: 'done' },
      { ids: ['a'], state: 'open' },
      { ids: ['c'], state: 'snoozed', snoozeUntil: 900 },
    ]);
    expect(await sync.pendingCount()).toBe(0);
  });

  it('keeps the queue across a reload while offline and sends it on start', async () => {
    const name = 'sync-reload';
    const core = fakeInbox();
    core.fail(new LullError('offline', 'Lull is not reachable'));
    const before = createItemStateSync(asApi(core.api), openTestDb(name), fakeLink().connection, clock);
    await before.send(['a'], { state: 'done' });
    await before.flush();
    before.stop();

    core.fail(null);
    const after = createItemStateSync(asApi(core.api), openTestDb(name), fakeLink().connection, clock);
    await after.flush();
    expect(core.sent()).toEqual([{ ids: ['a'], state: 'done' }]);
    expect(await after.pendingCount()).toBe(0);
  });

  it('writes the row change and the queued action in one transaction', async () => {
    const db = openTestDb();
    await db.items.put({ ...testItem('a'), status: 'open' });
    const core = fakeInbox();
    core.fail(new LullError('offline', 'Lull is not reachable'));
    const sync = createItemStateSync(asApi(core.api), db, fakeLink().connection, clock);
    await sync.send(['me/a'], { state: 'done' }, () => setItemsState(db, ['me/a'], { state: 'done', at: 5 }));
    expect((await db.items.get('me/a'))?.status).toBe('done');
    expect((await queued(db)).map((row) => row.payload)).toEqual([
      expect.objectContaining({ ids: ['me/a'], state: 'done' }),
    ]);
  });

  it('drops a change the core refuses as invalid, and says so', async () => {
    const core = fakeInbox();
    const errors: unknown[] = [];
    const sync = createItemStateSync(asApi(core.api), openTestDb(), fakeLink().connection, clock, {
      onError: (e) => errors.push(e),
    });
    core.fail(new LullError('invalid-payload', 'inbox:set-state: ids: too big'));
    await sync.send(['a'], { state: 'done' });
    await sync.flush();
    expect(await sync.pendingCount()).toBe(0);
    expect(errors).toHaveLength(1);
  });

  it('splits large changes into separate actions the contract accepts', async () => {
    const db = openTestDb();
    const core = fakeInbox();
    core.fail(new LullError('offline', 'Lull is not reachable'));
    const sync = createItemStateSync(asApi(core.api), db, fakeLink().connection, clock);
    const ids = Array.from({ length: SET_STATE_BATCH + 3 }, (_, i) => `i${i}`);
    await sync.send(ids, { state: 'snoozed', snoozeUntil: 1 });
    const rows = await queued(db);
    expect(rows.map((row) => (row.payload as SetStateInput).ids.length)).toEqual([SET_STATE_BATCH, 3]);
    expect(rows[0]?.actionId).not.toBe(rows[1]?.actionId);

    core.fail(null);
    await sync.flush();
    expect(core.calls.map((c) => c.ids.length)).toEqual([SET_STATE_BATCH, 3]);
  });

  it('queues other commands too, stamped by the clock it was given', async () => {
    const db = openTestDb();
    const core = fakeInbox();
    core.fail(new LullError('offline', 'Lull is not reachable'));
    const sync = createItemStateSync(asApi(core.api), db, fakeLink().connection, clock);
    await sync.enqueue({ command: 'inbox:set-state', payload: { ids: ['x'], state: 'open' } });
    expect((await queued(db)).map((row) => [row.command, row.createdAt])).toEqual([
      ['inbox:set-state', 7_000],
    ]);
  });
});
