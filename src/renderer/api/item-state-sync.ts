/**
 * Tells the core what the user did with items (done, snoozed, reopened). The core drops handled
 * items from the held queue, so a digest never shows what is already done.
 *
 * Every change goes through the durable outbox (db/outbox.ts): it survives a reload or a crash while
 * offline, reaches the core in the order it was made, and exactly once (its actionId).
 */
import type { LullApi, Unsubscribe } from '../../shared/contract';
import type { LullDb } from '../db/lull-db';
import {
  type Action,
  apiInvoker,
  countPending,
  createOutboxSender,
  enqueueActions,
  randomActionId,
  recordAction,
} from '../db/outbox';
import type { ClockSource } from '../lib/clock';
import type { ConnectionSource } from './connection';

export { isRetryable } from '../db/outbox';

/** What the core hears: `snoozed` carries when the items come back, so it can arm the wake-up. */
export type CoreItemState = { state: 'open' } | { state: 'done' } | { state: 'snoozed'; snoozeUntil: number };

/** The most ids `inbox:set-state` takes at once. */
export const SET_STATE_BATCH = 500;

/** One `inbox:set-state` action per batch the contract accepts, each replayed on its own. */
export function setStateActions(ids: readonly string[], change: CoreItemState): Action[] {
  const actions: Action[] = [];
  for (let i = 0; i < ids.length; i += SET_STATE_BATCH) {
    actions.push({
      command: 'inbox:set-state',
      payload: { ids: ids.slice(i, i + SET_STATE_BATCH), ...change },
    });
  }
  return actions;
}

export interface ItemStateSync {
  /**
   * Queues the change durably and starts sending; resolves once it is queued (not once the core has
   * it). With `rowsChange` the Dexie row change and the queued action commit in one transaction.
   */
  send(ids: readonly string[], change: CoreItemState, rowsChange?: () => Promise<unknown>): Promise<void>;
  /** Queues any replayable command (e.g. `inbox:set-deadline`) the same way. */
  enqueue(action: Action, rowsChange?: () => Promise<unknown>): Promise<void>;
  /** Actions waiting for the core (the UI reads them live with `usePendingActions`). */
  pendingCount(): Promise<number>;
  /** Sends what is waiting now; resolves when the queue is empty or the core cannot be reached. */
  flush(): Promise<void>;
  stop(): void;
}

export interface ItemStateSyncOptions {
  /** The core refused a change for good; it is dropped from the queue. */
  onError?: (error: unknown) => void;
  newActionId?: () => string;
}

/** Starts sending at once: a queue left by an earlier session (a reload while offline) goes first. */
export function createItemStateSync(
  api: Pick<LullApi, 'inbox'>,
  db: LullDb,
  connection: ConnectionSource,
  clock: Pick<ClockSource, 'now'>,
  options: ItemStateSyncOptions = {},
): ItemStateSync {
  const newActionId = options.newActionId ?? randomActionId;
  const sender = createOutboxSender(db, apiInvoker(api), { onError: (error) => options.onError?.(error) });
  const flush = () => sender.drain();

  async function queue(actions: readonly Action[], rowsChange?: () => Promise<unknown>): Promise<void> {
    if (actions.length === 0) return;
    if (rowsChange) await recordAction(db, rowsChange, actions, clock.now(), newActionId);
    else await enqueueActions(db, actions, clock.now(), newActionId);
    void flush();
  }

  const offConnection: Unsubscribe = connection.subscribe((state) => {
    if (state === 'online') void flush();
  });
  void flush();

  return {
    send: (ids, change, rowsChange) => queue(setStateActions(ids, change), rowsChange),
    enqueue: (action, rowsChange) => queue([action], rowsChange),
    pendingCount: () => countPending(db),
    flush,
    stop() {
      offConnection();
      sender.stop();
    },
  };
}
