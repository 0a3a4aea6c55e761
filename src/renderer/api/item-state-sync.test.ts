import { describe, expect, it } from 'vitest';
import { LullError } from '../../shared/contract';
import type { ConnectionSource, ConnectionState } from './connection';
import { createItemStateSync, SET_STATE_BATCH } from './item-state-sync';

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

function fakeInbox() {
  const calls: { ids: string[]; state: string; snoozeUntil?: number }[] = [];
  let failWith: Error | null = null;
  const api = {
    inbox: {
      async setState(input: { ids: string[]; state: 'open' | 'done' | 'snoozed'; snoozeUntil?: number }) {
        if (failWith) throw failWith;
        calls.push(input);
        return { updated: input.ids.length };
      },
    },
  };
  return { api, calls, fail: (error: Error | null) => (failWith = error) };
}

describe('item state sync', () => {
  it('tells the core at once, in order', async () => {
    const core = fakeInbox();
    const sync = createItemStateSync(core.api, fakeLink().connection);
    await Promise.all([sync.send(['a'], { state: 'done' }), sync.send(['a'], { state: 'open' })]);
    expect(core.calls).toEqual([
      { ids: ['a'], state: 'done' },
      { ids: ['a'], state: 'open' },
    ]);
  });

  it('keeps changes made offline and sends the latest per item when the link is back', async () => {
    const core = fakeInbox();
    const link = fakeLink();
    const sync = createItemStateSync(core.api, link.connection);
    core.fail(new LullError('offline', 'Lull is not reachable'));
    await sync.send(['a', 'b', 'c'], { state: 'done' });
    await sync.send(['a'], { state: 'open' });
    await sync.send(['c'], { state: 'snoozed', snoozeUntil: 900 });
    expect(sync.pendingCount()).toBe(3);

    core.fail(null);
    link.emit('online');
    await sync.flush();
    expect(core.calls).toEqual(
      expect.arrayContaining([
        { ids: ['b'], state: 'done' },
        { ids: ['a'], state: 'open' },
        { ids: ['c'], state: 'snoozed', snoozeUntil: 900 },
      ]),
    );
    expect(core.calls).toHaveLength(3);
    expect(sync.pendingCount()).toBe(0);
  });

  it('drops a change the core refuses as invalid, and says so', async () => {
    const core = fakeInbox();
    const errors: unknown[] = [];
    const sync = createItemStateSync(core.api, fakeLink().connection, { onError: (e) => errors.push(e) });
    core.fail(new LullError('invalid-payload', 'inbox:set-state: ids: too big'));
    await sync.send(['a'], { state: 'done' });
    expect(sync.pendingCount()).toBe(0);
    expect(errors).toHaveLength(1);
  });

  it('splits large changes into batches the contract accepts', async () => {
    const core = fakeInbox();
    const sync = createItemStateSync(core.api, fakeLink().connection);
    const ids = Array.from({ length: SET_STATE_BATCH + 3 }, (_, i) => `i${i}`);
    await sync.send(ids, { state: 'snoozed', snoozeUntil: 1 });
    expect(core.calls.map((c) => c.ids.length)).toEqual([SET_STATE_BATCH, 3]);
  });
});
