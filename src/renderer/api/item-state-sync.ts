/**
 * Tells the core what the user did with items (done, snoozed, reopened), after Dexie already has it.
 * The core drops handled items from the held queue, so a digest never shows what is already done.
 *
 * When the core cannot be reached the change is kept (latest state per item wins) and sent again
 * the next time the link comes up. It is kept in memory only: a reload while offline forgets it, and
 * the durable offline action queue will take this over.
 */
import { type LullApi, LullError, type Unsubscribe } from '../../shared/contract';
import type { ConnectionSource } from './connection';

/** What the core hears: `snoozed` carries when the items come back, so it can arm the wake-up. */
export type CoreItemState = { state: 'open' } | { state: 'done' } | { state: 'snoozed'; snoozeUntil: number };

const keyOf = (change: CoreItemState) =>
  change.state === 'snoozed' ? `snoozed@${change.snoozeUntil}` : change.state;

/** The most ids `inbox:set-state` takes at once. */
export const SET_STATE_BATCH = 500;

/** Failures that mean "not now" rather than "never": the change is kept and sent again. */
const RETRYABLE = new Set(['offline', 'timeout', 'closed', 'not-ready', 'unauthorized']);

export function isRetryable(error: unknown): boolean {
  return !(error instanceof LullError) || RETRYABLE.has(error.code);
}

export interface ItemStateSync {
  /** Resolves once the core has it, or once it is queued for the next reconnect. */
  send(ids: readonly string[], change: CoreItemState): Promise<void>;
  /** Changes waiting for the link to come back. */
  pendingCount(): number;
  /** Sends what is waiting now (the reconnect handler calls it). */
  flush(): Promise<void>;
  stop(): void;
}

export interface ItemStateSyncOptions {
  onError?: (error: unknown) => void;
}

export function createItemStateSync(
  api: Pick<LullApi, 'inbox'>,
  connection: ConnectionSource,
  options: ItemStateSyncOptions = {},
): ItemStateSync {
  const pending = new Map<string, CoreItemState>();
  // One call at a time, in order: a quick done-then-undo reaches the core as done, then open.
  let chain: Promise<void> = Promise.resolve();

  async function deliver(ids: readonly string[], change: CoreItemState): Promise<void> {
    for (let i = 0; i < ids.length; i += SET_STATE_BATCH) {
      const batch = ids.slice(i, i + SET_STATE_BATCH);
      try {
        await api.inbox.setState({ ids: [...batch], ...change });
      } catch (error) {
        if (isRetryable(error)) {
          // Keep it unless a newer change for the same item is already waiting.
          for (const id of batch) if (!pending.has(id)) pending.set(id, change);
        } else options.onError?.(error);
      }
    }
  }

  function enqueue(task: () => Promise<void>): Promise<void> {
    chain = chain.then(task, task);
    return chain;
  }

  function flush(): Promise<void> {
    return enqueue(async () => {
      if (pending.size === 0) return;
      const groups = new Map<string, { change: CoreItemState; ids: string[] }>();
      for (const [id, change] of pending) {
        const group = groups.get(keyOf(change)) ?? { change, ids: [] };
        group.ids.push(id);
        groups.set(keyOf(change), group);
      }
      pending.clear();
      for (const { change, ids } of groups.values()) await deliver(ids, change);
    });
  }

  const offConnection: Unsubscribe = connection.subscribe((state) => {
    if (state === 'online') void flush();
  });

  return {
    send(ids, change) {
      if (ids.length === 0) return Promise.resolve();
      // This change supersedes whatever was waiting for these items.
      for (const id of ids) pending.delete(id);
      return enqueue(() => deliver(ids, change));
    },
    pendingCount: () => pending.size,
    flush,
    stop: offConnection,
  };
}
