/**
 * Snoozes coming to an end, on the window's side. The core wakes them too and says so in the journal
 * (`wake`), but the page must not wait for that: offline, or while the journal is behind, a snoozed
 * item still returns at its time. Whichever write comes first wins; the other changes nothing.
 */
import Dexie, { liveQuery } from 'dexie';
import type { Unsubscribe } from '../../shared/contract';
import type { ClockSource } from '../lib/clock';
import type { LullDb } from './lull-db';

/** Snoozed rows whose time has come read as open again, so the inbox's indexes serve them. */
export async function wakeDueSnoozes(db: LullDb, now: number): Promise<number> {
  return db.items
    .where('[status+snoozedUntil]')
    .between(['snoozed', Dexie.minKey], ['snoozed', now], true, true)
    .modify((item) => {
      item.status = 'open';
      delete item.snoozedUntil;
    });
}

/** When the earliest snooze ends, or null when nothing is snoozed. Reads one index key. */
export async function nextSnoozeEnd(db: LullDb): Promise<number | null> {
  const first = await db.items
    .where('[status+snoozedUntil]')
    .between(['snoozed', Dexie.minKey], ['snoozed', Dexie.maxKey])
    .first();
  return first?.snoozedUntil ?? null;
}

/** The longest single wait: a clock change or a sleep is caught up with within this. */
export const MAX_WAIT_MS = 60_000;

export interface SnoozeWakerOptions {
  onError?: (error: unknown) => void;
}

/**
 * Wakes what is due now, then arms one timer for the earliest snooze end, read from `clock` (the
 * page's one clock, so a pinned clock moves it too). Any change to the snoozed rows — this window's,
 * another tab's, the journal's, an import's — re-arms it. Returns the stop function.
 */
export function startSnoozeWaker(
  db: LullDb,
  clock: Pick<ClockSource, 'now'>,
  options: SnoozeWakerOptions = {},
): Unsubscribe {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function check(): Promise<void> {
    if (stopped) return;
    try {
      await wakeDueSnoozes(db, clock.now());
      const next = await nextSnoozeEnd(db);
      if (stopped) return;
      // Clear just before arming: checks may overlap (a timer and a change), and one timer must remain.
      clearTimeout(timer);
      if (next === null) return;
      const wait = Math.min(Math.max(0, next - clock.now()), MAX_WAIT_MS);
      timer = setTimeout(() => void check(), wait);
    } catch (error) {
      options.onError?.(error);
    }
  }

  const subscription = liveQuery(() => nextSnoozeEnd(db)).subscribe({
    next: () => void check(),
    error: (error: unknown) => options.onError?.(error),
  });

  return () => {
    stopped = true;
    clearTimeout(timer);
    subscription.unsubscribe();
  };
}
