import path from 'node:path';
import { z } from 'zod';
import type { CommandName } from '../../shared/contract';
import { readJsonFile, writeFileAtomic } from '../lib/atomic-file';
import { createSerialQueue } from '../lib/serial';
import type { Clock, Logger } from '../ports';

/** The applied user actions, in the data dir: `{ "actions": [{ "id", "at", "command", "ids" }] }`. */
export const ACTIONS_FILE = 'applied-actions.json';
/** How many applied actions are remembered at most; the oldest go first. */
export const MAX_ACTIONS = 10_000;
/** How long an applied action is remembered. The renderer's outbox replays within minutes, not weeks. */
export const ACTION_RETENTION_MS = 30 * 24 * 3_600_000;
/** Bounds the file: item ids may be long and an action may name 500 of them. */
export const MAX_ACTION_ID_CHARS = 4_000_000;

const appliedActionSchema = z.object({
  id: z.string().min(1),
  at: z.number(),
  command: z.string(),
  ids: z.array(z.string()),
});
export type AppliedAction = z.output<typeof appliedActionSchema>;

export type Once<T> = { duplicate: true } | { duplicate: false; value: T };

export interface ActionRegistry {
  /**
   * Applies a user action exactly once per action id: a repeated id changes nothing and answers
   * `{ duplicate: true }`. The id is written to disk after `apply` succeeds and before this resolves,
   * so a crash in between can apply it again on replay (every apply is idempotent on its own), but a
   * replay after the answer never does. Without an action id, `apply` simply runs.
   */
  once<T>(
    action: { id: string | undefined; command: CommandName; ids: readonly string[] },
    apply: () => Promise<T>,
  ): Promise<Once<T>>;
  has(id: string): boolean;
  /** Waits for the action being applied, if any. */
  close(): Promise<void>;
}

/**
 * Remembers which user actions the core applied (DESIGN.md: the renderer's outbox may send a change
 * again after a lost answer, a reload or a reconnect). Actions run one at a time, so two copies of one
 * action arriving together are still applied once.
 */
export async function openActionRegistry(options: {
  dataDir: string;
  clock: Clock;
  logger: Logger;
}): Promise<ActionRegistry> {
  const file = path.join(options.dataDir, ACTIONS_FILE);
  const serial = createSerialQueue();
  // Insertion order is application order, oldest first.
  const applied = new Map<string, AppliedAction>();
  for (const action of await load()) applied.set(action.id, action);
  prune();

  async function load(): Promise<AppliedAction[]> {
    const actions = await readJsonFile(file, z.object({ actions: z.array(z.unknown()) }));
    if (actions.status === 'missing') return [];
    if (actions.status === 'invalid') {
      options.logger.warn(`${ACTIONS_FILE} unreadable; starting without memory of applied actions`);
      return [];
    }
    const valid = actions.data.actions.flatMap((entry) => {
      const parsed = appliedActionSchema.safeParse(entry);
      return parsed.success ? [parsed.data] : [];
    });
    if (valid.length < actions.data.actions.length) {
      options.logger.warn(
        `${ACTIONS_FILE}: skipped ${actions.data.actions.length - valid.length} bad entries`,
      );
    }
    return valid.sort((a, b) => a.at - b.at);
  }

  function prune(): void {
    const cutoff = options.clock.now() - ACTION_RETENTION_MS;
    let chars = 0;
    for (const action of applied.values()) chars += action.ids.reduce((n, id) => n + id.length, 0);
    for (const [id, action] of applied) {
      if (applied.size <= MAX_ACTIONS && chars <= MAX_ACTION_ID_CHARS && action.at >= cutoff) break;
      applied.delete(id);
      chars -= action.ids.reduce((n, itemId) => n + itemId.length, 0);
    }
  }

  const save = () => writeFileAtomic(file, JSON.stringify({ actions: [...applied.values()] }));

  return {
    once: (action, apply) =>
      serial(async () => {
        const id = action.id;
        if (id === undefined) return { duplicate: false, value: await apply() };
        if (applied.has(id)) return { duplicate: true };
        const value = await apply();
        // Kept in memory even if the write fails: it was applied, and a retry must not apply it again.
        applied.set(id, { id, at: options.clock.now(), command: action.command, ids: [...action.ids] });
        prune();
        await save();
        return { duplicate: false, value };
      }),
    has: (id) => applied.has(id),
    close: () => serial(async () => undefined),
  };
}
