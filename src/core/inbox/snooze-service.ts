import path from 'node:path';
import { z } from 'zod';
import type { InboxItem } from '../../shared/schemas';
import type { Journal } from '../journal/journal';
import { readJsonFile, writeFileAtomic } from '../lib/atomic-file';
import { createSerialQueue } from '../lib/serial';
import { createWakeScheduler, type WakeScheduler } from '../lib/wake-timer';
import type { Clock, Logger } from '../ports';

export const SNOOZE_FILE = 'snoozes.json';

const fileSchema = z.record(z.string(), z.number());

export interface SnoozeService {
  start(): Promise<void>;
  /** Snoozes until `until`, or clears the snooze (`until` null: done, reopened). */
  set(ids: readonly string[], until: number | null): Promise<void>;
  pending(): ReadonlyMap<string, number>;
  recompute(): void;
  close(): Promise<void>;
}

/**
 * Snooze wake-ups (DESIGN.md: the renderer writes Dexie first, the core arms the wake-up). At its
 * time a snoozed item wakes: a `wake` journal entry reopens it in the inbox, and it is routed again
 * as a new notification. Wake-ups live in a file so a restart keeps them; one the app slept through
 * fires on the next wake.
 */
export async function createSnoozeService(options: {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  journal: Journal;
  known: (id: string) => InboxItem | undefined;
  /** Routes a woken item as if it had just arrived, and announces it. */
  reroute: (items: InboxItem[]) => Promise<void>;
  /** The core's one wake timer; a private one where the service runs alone (tests). */
  scheduler?: WakeScheduler;
}): Promise<SnoozeService> {
  const file = path.join(options.dataDir, SNOOZE_FILE);
  const serial = createSerialQueue();
  const snoozes = new Map<string, number>(Object.entries(await load()));
  let closed = false;
  const ownScheduler = options.scheduler ? null : createWakeScheduler(options.clock, () => undefined);
  const timer = (options.scheduler ?? ownScheduler!).timer('snooze', () => void wake());

  async function load(): Promise<Record<string, number>> {
    const read = await readJsonFile(file, fileSchema);
    if (read.status === 'ok') return read.data;
    if (read.status === 'invalid') {
      options.logger.warn(`${SNOOZE_FILE} unreadable; snoozed items wake when the window shows them`);
    }
    return {};
  }

  const save = () => writeFileAtomic(file, JSON.stringify(Object.fromEntries(snoozes)));

  function arm(): void {
    if (closed) return;
    let next: number | null = null;
    for (const until of snoozes.values()) if (next === null || until < next) next = until;
    timer.arm(next);
  }

  function wake(): Promise<void> {
    return serial(async () => {
      if (closed) return;
      const now = options.clock.now();
      const due = [...snoozes].filter(([, until]) => until <= now).map(([id]) => id);
      if (due.length > 0) {
        await options.journal.append(due.map((id) => ({ kind: 'wake' as const, id, at: now })));
        for (const id of due) snoozes.delete(id);
        await save();
        const items = due.map(options.known).filter((item): item is InboxItem => item !== undefined);
        if (items.length > 0) await options.reroute(items);
      }
    })
      .catch((error: unknown) => options.logger.error(`snooze wake-up failed: ${String(error)}`))
      .finally(arm);
  }

  return {
    /** Wakes what came due while the app was closed, then arms the timer. */
    start: () => wake(),
    set: (ids, until) =>
      serial(async () => {
        for (const id of ids) {
          if (until === null) snoozes.delete(id);
          else snoozes.set(id, until);
        }
        await save();
        arm();
      }),
    pending: () => snoozes,
    recompute: () => void wake(),
    async close() {
      closed = true;
      timer.close();
      ownScheduler?.close();
      await serial(async () => undefined);
    },
  };
}
