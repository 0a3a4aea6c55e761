import type { Cancel, Clock } from '../ports';

/**
 * The longest the core sleeps before re-reading the clock (DESIGN.md "Time"): timers do not notice a
 * wall-clock jump or a time-zone change, so at least this often every service recomputes.
 */
export const MAX_SLEEP_MS = 60_000;

/** One service's wake-up: when it next needs to run, or null when only the heartbeat matters. */
export interface WakeTimer {
  /** Arms (or re-arms) for the instant `at`; null keeps only the heartbeat. */
  arm(at: number | null): void;
  /** Leaves the scheduler for good: the callback never runs again. */
  close(): void;
}

export interface WakeScheduler {
  /** A timer for one service; `wake` runs when its instant has come, and on every heartbeat. */
  timer(name: string, wake: () => void): WakeTimer;
  /** Runs every service now (resume, time-zone change): each re-reads the clock. */
  wakeAll(): void;
  close(): void;
}

interface Entry {
  name: string;
  at: number | null;
  wake: () => void;
}

/**
 * All of the core's wake-ups on one OS timer, armed for the earliest instant any service needs, or
 * the heartbeat: an idle tray app then wakes at most once a minute, whatever number of services it
 * has. A wake runs the services whose instant has come (on the heartbeat, all of them).
 */
export function createWakeScheduler(
  clock: Clock,
  onError: (name: string, error: unknown) => void,
): WakeScheduler {
  const entries = new Set<Entry>();
  let cancel: Cancel | null = null;
  let armedFor: number | null = null;
  let running = false;
  let closed = false;

  function run(entry: Entry): void {
    try {
      entry.wake();
    } catch (error) {
      onError(entry.name, error);
    }
  }

  function fire(): void {
    cancel = null;
    armedFor = null;
    const now = clock.now();
    const due = [...entries].filter((entry) => entry.at !== null && entry.at <= now);
    // Nothing due means the heartbeat: everyone re-reads the clock.
    const heartbeat = due.length === 0;
    running = true;
    try {
      for (const entry of heartbeat ? [...entries] : due) {
        if (!heartbeat) entry.at = null;
        if (entries.has(entry)) run(entry);
      }
    } finally {
      running = false;
    }
    schedule();
  }

  function schedule(): void {
    if (running || closed) return;
    const now = clock.now();
    let next = now + MAX_SLEEP_MS;
    for (const entry of entries) if (entry.at !== null && entry.at < next) next = entry.at;
    next = Math.max(next, now);
    if (cancel && armedFor === next) return;
    cancel?.();
    armedFor = next;
    cancel = entries.size > 0 ? clock.setTimer(fire, next - now) : null;
  }

  return {
    timer(name, wake) {
      const entry: Entry = { name, at: null, wake };
      entries.add(entry);
      schedule();
      return {
        arm(at) {
          if (!entries.has(entry)) return;
          entry.at = at;
          schedule();
        },
        close() {
          entries.delete(entry);
          schedule();
        },
      };
    },
    wakeAll() {
      if (closed) return;
      running = true;
      try {
        for (const entry of [...entries]) if (entries.has(entry)) run(entry);
      } finally {
        running = false;
      }
      schedule();
    },
    close() {
      closed = true;
      entries.clear();
      cancel?.();
      cancel = null;
    },
  };
}
