import { describe, expect, it } from 'vitest';
import { openTestDb, testItem } from '../../../test/helpers/renderer-db';
import { LullError } from '../../shared/contract';
import { setItemsState } from './items-repo';
import type { LullDb } from './lull-db';
import {
  type Action,
  apiInvoker,
  countPending,
  createOutboxSender,
  enqueueActions,
  recordAction,
} from './outbox';

/** The queue, oldest first, in the order the sender takes it. */
const queued = (db: LullDb) => db.outbox.orderBy('seq').toArray();

const done = (...ids: string[]): Action => ({ command: 'inbox:set-state', payload: { ids, state: 'done' } });

function ids() {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}

/** A core that remembers which actionIds it applied, as the real one does. */
function fakeCore() {
  const applied = new Map<string, unknown>();
  const calls: { command: string; payload: { actionId?: string } }[] = [];
  let failWith: Error | null = null;
  const invoke = async (command: string, payload: unknown) => {
    const { actionId } = payload as { actionId?: string };
    calls.push({ command, payload: payload as { actionId?: string } });
    if (failWith) throw failWith;
    if (actionId && applied.has(actionId)) return { updated: 0, duplicate: true };
    if (actionId) applied.set(actionId, payload);
    return { updated: 1 };
  };
  return { invoke, applied, calls, fail: (error: Error | null) => (failWith = error) };
}

describe('outbox', () => {
  it('queues each action with its own actionId in the payload, in order', async () => {
    const db = openTestDb();
    const actionIds = await enqueueActions(db, [done('a'), done('b')], 5, ids());
    expect(actionIds).toEqual([
      '00000000-0000-4000-8000-000000000001',
      '00000000-0000-4000-8000-000000000002',
    ]);
    const rows = await queued(db);
    expect(rows.map((r) => [r.command, r.payload, r.createdAt, r.attempts])).toEqual([
      ['inbox:set-state', { ids: ['a'], state: 'done', actionId: actionIds[0] }, 5, 0],
      ['inbox:set-state', { ids: ['b'], state: 'done', actionId: actionIds[1] }, 5, 0],
    ]);
  });

  it('records the row change and its action together, or neither', async () => {
    const db = openTestDb();
    await db.items.put({ ...testItem('a'), status: 'open' });
    await recordAction(db, () => setItemsState(db, ['me/a'], { state: 'done', at: 7 }), [done('me/a')], 7);
    expect((await db.items.get('me/a'))?.status).toBe('done');
    expect(await countPending(db)).toBe(1);

    const failing = recordAction(
      db,
      async () => {
        await setItemsState(db, ['me/a'], { state: 'open' });
        throw new Error('disk full');
      },
      [done('me/a')],
      8,
    );
    await expect(failing).rejects.toThrow('disk full');
    expect((await db.items.get('me/a'))?.status).toBe('done');
    expect(await countPending(db)).toBe(1);
  });

  it('sends oldest first, one at a time, and deletes each once the core has it', async () => {
    const db = openTestDb();
    const core = fakeCore();
    let inFlight = 0;
    let most = 0;
    const sender = createOutboxSender(db, async (command, payload) => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return core.invoke(command, payload);
    });
    await enqueueActions(db, [done('a'), done('b'), done('c')], 1);
    await Promise.all([sender.drain(), sender.drain()]);
    expect(core.calls.map((c) => (c.payload as { ids: string[] }).ids[0])).toEqual(['a', 'b', 'c']);
    expect(most).toBe(1);
    expect(await countPending(db)).toBe(0);
  });

  it('keeps what could not be sent, counts the attempt, and stops there to keep the order', async () => {
    const db = openTestDb();
    const core = fakeCore();
    const sender = createOutboxSender(db, core.invoke);
    await enqueueActions(db, [done('a'), done('b')], 1);
    core.fail(new LullError('offline', 'Lull is not reachable'));
    await sender.drain();
    expect(core.calls).toHaveLength(1);
    expect((await queued(db)).map((r) => r.attempts)).toEqual([1, 0]);

    core.fail(null);
    await sender.drain();
    expect(await countPending(db)).toBe(0);
    expect(core.applied.size).toBe(2);
  });

  it('drops what the core refuses for good, says so, and goes on', async () => {
    const db = openTestDb();
    const errors: unknown[] = [];
    const sender = createOutboxSender(
      db,
      async (_command, payload) => {
        if ((payload as { ids: string[] }).ids[0] === 'bad') throw new LullError('invalid-payload', 'no');
        return { updated: 1 };
      },
      { onError: (error) => errors.push(error) },
    );
    await enqueueActions(db, [done('bad'), done('good')], 1);
    await sender.drain();
    expect(await countPending(db)).toBe(0);
    expect(errors).toEqual([expect.objectContaining({ code: 'invalid-payload' })]);
  });

  it('a tab killed after the core applied an action replays it, and the core applies it once', async () => {
    const name = 'outbox-killed-tab';
    const core = fakeCore();
    const first = openTestDb(name);
    await enqueueActions(first, [done('a')], 1);
    // The core applies it, but the tab dies before the row is deleted.
    const [row] = await queued(first);
    await core.invoke(row?.command ?? '', row?.payload);
    first.close();

    const second = openTestDb(name);
    expect(await countPending(second)).toBe(1);
    await createOutboxSender(second, core.invoke).drain();
    expect(await countPending(second)).toBe(0);
    expect(core.applied.size).toBe(1);
    expect(core.calls.map((c) => c.payload.actionId)).toEqual([row?.actionId, row?.actionId]);
  });

  it('calls any command by name through the api, and refuses one it does not have', async () => {
    const seen: unknown[] = [];
    const invoke = apiInvoker({
      inbox: {
        async setDeadline(input: unknown) {
          seen.push(input);
          return { updated: 1 };
        },
      },
    });
    await invoke('inbox:set-deadline', { id: 'a', deadline: null });
    expect(seen).toEqual([{ id: 'a', deadline: null }]);
    await expect(invoke('inbox:set-nothing', {})).rejects.toMatchObject({ code: 'unknown-command' });
  });

  it('sends nothing after stop', async () => {
    const db = openTestDb();
    const core = fakeCore();
    const sender = createOutboxSender(db, core.invoke);
    await enqueueActions(db, [done('a')], 1);
    sender.stop();
    await sender.drain();
    expect(core.calls).toHaveLength(0);
  });
});
