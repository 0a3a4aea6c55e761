import { describe, expect, it } from 'vitest';
import type { LullApi } from '../../shared/contract';
import type { ConnectionState } from './connection';
import { startCoreMirror } from './core-mirror';

/** A client whose one fetch and one event are driven by the test. */
function fakeClient() {
  const answers: { resolve(value: number): void; reject(error: Error): void }[] = [];
  const eventListeners = new Set<(value: number) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const client = {
    api: {} as LullApi,
    connection: {
      get: () => 'online' as ConnectionState,
      subscribe(listener: (state: ConnectionState) => void) {
        stateListeners.add(listener);
        return () => stateListeners.delete(listener);
      },
    },
  };
  const fetch = () => new Promise<number>((resolve, reject) => answers.push({ resolve, reject }));
  const subscribe = (_: LullApi, listener: (value: number) => void) => {
    eventListeners.add(listener);
    return () => eventListeners.delete(listener);
  };
  return {
    client,
    fetch,
    subscribe,
    answers,
    emit: (value: number) => {
      for (const listener of eventListeners) listener(value);
    },
    setState: (state: ConnectionState) => {
      for (const listener of stateListeners) listener(state);
    },
    listenerCount: () => eventListeners.size + stateListeners.size,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('startCoreMirror', () => {
  it('asks once, follows events, and asks again when the link comes back', async () => {
    const core = fakeClient();
    const applied: number[] = [];
    const stop = startCoreMirror(core.client, core.fetch, core.subscribe, (v) => applied.push(v));
    expect(core.answers).toHaveLength(1);
    core.answers[0]!.resolve(1);
    await settle();
    core.emit(2);
    core.setState('offline');
    expect(core.answers).toHaveLength(1);
    core.setState('online');
    expect(core.answers).toHaveLength(2);
    core.answers[1]!.resolve(3);
    await settle();
    expect(applied).toEqual([1, 2, 3]);
    stop();
    expect(core.listenerCount()).toBe(0);
  });

  it('drops an answer older than an event, a failed answer, and anything after stop', async () => {
    const core = fakeClient();
    const applied: number[] = [];
    const stop = startCoreMirror(core.client, core.fetch, core.subscribe, (v) => applied.push(v));
    core.emit(5);
    core.answers[0]!.resolve(4);
    await settle();
    expect(applied).toEqual([5]);

    core.setState('online');
    core.answers[1]!.reject(new Error('offline'));
    await settle();
    core.setState('online');
    stop();
    core.answers[2]!.resolve(6);
    await settle();
    expect(applied).toEqual([5]);
  });
});
