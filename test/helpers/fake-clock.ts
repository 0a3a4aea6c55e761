import type { Cancel, Clock } from '../../src/core/ports';

export interface PendingTimer {
  readonly id: number;
  /** The delay the timer was armed with (after clamping negatives to 0). */
  readonly delayMs: number;
  /** How much more time must pass before it fires. */
  readonly remainingMs: number;
}

export interface FakeClock extends Clock {
  /** Lets `ms` pass: wall time and timer time move together; due timers fire in order, including timers armed by callbacks. */
  advance(ms: number): void;
  /** Jumps the wall clock to `epochMs` (forwards or backwards) without firing anything, like an NTP correction. */
  set(epochMs: number): void;
  pendingTimers(): PendingTimer[];
}

interface Timer {
  id: number;
  delayMs: number;
  /** On the monotonic axis: timers, like real ones, ignore wall-clock jumps. */
  dueAt: number;
  callback: () => void;
}

const MAX_FIRINGS_PER_ADVANCE = 100_000;

/**
 * A deterministic `Clock`. Timers live on a monotonic axis that only `advance` moves, so a `set` jump
 * neither fires nor delays them: the core must notice jumps by re-reading `now()`, as it must in life.
 */
export function createFakeClock(start: number): FakeClock {
  let wall = start;
  let elapsed = 0;
  let nextId = 1;
  const timers = new Map<number, Timer>();

  function nextDue(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of timers.values()) {
      if (timer.dueAt > limit) continue;
      if (!best || timer.dueAt < best.dueAt || (timer.dueAt === best.dueAt && timer.id < best.id)) {
        best = timer;
      }
    }
    return best;
  }

  return {
    now: () => wall,
    setTimer(callback, delayMs): Cancel {
      if (!Number.isFinite(delayMs))
        throw new Error(`fake clock: timer delay must be finite, got ${delayMs}`);
      const delay = Math.max(0, delayMs);
      const id = nextId++;
      timers.set(id, { id, delayMs: delay, dueAt: elapsed + delay, callback });
      return () => {
        timers.delete(id);
      };
    },
    advance(ms) {
      if (!(ms >= 0)) throw new Error(`fake clock: cannot advance by ${ms} ms`);
      const target = elapsed + ms;
      for (let firings = 0; ; firings++) {
        if (firings >= MAX_FIRINGS_PER_ADVANCE) throw new Error('fake clock: timers keep re-arming at 0 ms');
        const timer = nextDue(target);
        if (!timer) break;
        wall += timer.dueAt - elapsed;
        elapsed = timer.dueAt;
        timers.delete(timer.id);
        timer.callback();
      }
      wall += target - elapsed;
      elapsed = target;
    },
    set(epochMs) {
      wall = epochMs;
    },
    pendingTimers: () =>
      [...timers.values()]
        .sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)
        .map((timer) => ({ id: timer.id, delayMs: timer.delayMs, remainingMs: timer.dueAt - elapsed })),
  };
}
