/**
 * The durable offline action queue (DESIGN.md "offline first"). A user action is written here —
 * in the same transaction as the rows it changes, when the caller uses `recordAction` — and then sent
 * to the core in `seq` order, one at a time. A row leaves only once the core confirmed it: applied,
 * or recognised by its `actionId` as already applied (a tab killed between the core's answer and the
 * delete replays it, and the core changes nothing the second time).
 */
import { type CommandInput, type CommandName, LullError, methodPath } from '../../shared/contract';
import type { LullDb, OutboxRow } from './lull-db';

/** Commands the outbox can replay: those whose payload carries an `actionId` the core deduplicates. */
export type ReplayableCommand = {
  [C in CommandName]: CommandInput<C> extends object
    ? 'actionId' extends keyof CommandInput<C>
      ? C
      : never
    : never;
}[CommandName];

/** One queued call; the outbox adds the `actionId`. */
export type Action = {
  [C in ReplayableCommand]: { command: C; payload: Omit<CommandInput<C>, 'actionId'> };
}[ReplayableCommand];

/** Failures that mean "not now" rather than "never": the action stays queued and is sent again. */
const RETRYABLE = new Set(['offline', 'timeout', 'closed', 'not-ready', 'unauthorized']);

export function isRetryable(error: unknown): boolean {
  return !(error instanceof LullError) || RETRYABLE.has(error.code);
}

export const randomActionId = (): string => crypto.randomUUID();

/**
 * Queues `actions`, each with a fresh actionId, and answers the ids. Called inside a caller's
 * transaction, they commit or roll back with it.
 */
export async function enqueueActions(
  db: LullDb,
  actions: readonly Action[],
  at: number,
  newActionId: () => string = randomActionId,
): Promise<string[]> {
  const rows: OutboxRow[] = actions.map(({ command, payload }) => {
    const actionId = newActionId();
    return { actionId, command, payload: { ...payload, actionId }, createdAt: at, attempts: 0 };
  });
  await db.outbox.bulkAdd(rows);
  return rows.map((row) => row.actionId);
}

/**
 * The row change and the actions that tell the core about it, in one transaction: after a crash both
 * are there or neither. `rowsChange` must touch `items` only, through `db`. Send afterwards with
 * the sender's `drain()`.
 */
export function recordAction(
  db: LullDb,
  rowsChange: () => Promise<unknown>,
  actions: readonly Action[],
  at: number,
  newActionId: () => string = randomActionId,
): Promise<string[]> {
  return db.transaction('rw', db.items, db.outbox, async () => {
    await rowsChange();
    return enqueueActions(db, actions, at, newActionId);
  });
}

/** Actions waiting for the core. */
export function countPending(db: LullDb): Promise<number> {
  return db.outbox.count();
}

/** Calls one command by name; `api` is any part of `LullApi` (`{ inbox: { setState } }`). */
export type CommandInvoker = (command: string, payload: unknown) => Promise<unknown>;

export function apiInvoker(api: object): CommandInvoker {
  const groups = api as Record<string, Record<string, unknown> | undefined>;
  return async (command, payload) => {
    const [domain, method] = methodPath(command as CommandName);
    const group = groups[domain];
    const call = group?.[method];
    // A row no build of the core understands would otherwise block the queue forever.
    if (typeof call !== 'function') throw new LullError('unknown-command', `Unknown command: ${command}`);
    return call.call(group, payload);
  };
}

export interface OutboxSenderOptions {
  /**
   * The core refused an action for good (invalid payload, not found): it is dropped. Without a row:
   * the database failed, and the pass stopped.
   */
  onError?: (error: unknown, row?: OutboxRow) => void;
}

export interface OutboxSender {
  /**
   * Sends what is queued, oldest first, until the queue is empty or the core cannot be reached.
   * A call while a pass runs makes one more pass after it; both callers get the same promise.
   */
  drain(): Promise<void>;
  /** No further sends; a call under way still finishes. */
  stop(): void;
}

export function createOutboxSender(
  db: LullDb,
  invoke: CommandInvoker,
  options: OutboxSenderOptions = {},
): OutboxSender {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function pass(): Promise<void> {
    while (!stopped) {
      const row = await db.outbox.orderBy('seq').first();
      if (row?.seq === undefined) return;
      try {
        await invoke(row.command, row.payload);
      } catch (error) {
        if (isRetryable(error)) {
          await db.outbox.update(row.seq, { attempts: row.attempts + 1 });
          return;
        }
        options.onError?.(error, row);
      }
      // Applied, or a duplicate of an applied one: either way the core has it.
      await db.outbox.delete(row.seq);
    }
  }

  async function loop(): Promise<void> {
    try {
      do {
        again = false;
        await pass();
      } while (again && !stopped);
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = null;
    }
  }

  return {
    drain() {
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = loop();
      return running;
    },
    stop() {
      stopped = true;
    },
  };
}
