import path from 'node:path';
import { MINUTE_MS } from '../shared/channels';
import type { FocusSet, FocusStatus } from '../shared/schemas';
import { readFileIfExists, writeFileAtomic } from './atomic-file';
import type { Cancel, Clock, Logger } from './ports';
import { createSerialQueue } from './serial';

export const FOCUS_FILE = 'focus.json';

/** The most a timer may sleep before the state is recomputed from the clock (DESIGN.md "Time"). */
export const MAX_TIMER_MS = 60_000;

interface Override {
  active: boolean;
  since: number;
  until: number | null;
}

export interface FocusService {
  status(): FocusStatus;
  set(request: FocusSet): Promise<FocusStatus>;
  /** Re-reads the clock: on timer wake, resume, unlock, time-zone change. */
  recompute(): void;
  onChange(listener: (status: FocusStatus, previous: FocusStatus) => void): () => void;
  close(): void;
}

const OFF: FocusStatus = { active: false, cause: null, since: null, until: null };

function statusAt(override: Override | null, now: number): FocusStatus {
  if (!override?.active) return OFF;
  if (override.until !== null && override.until <= now) return OFF;
  return { active: true, cause: 'manual', since: override.since, until: override.until };
}

const sameStatus = (a: FocusStatus, b: FocusStatus) =>
  a.active === b.active && a.cause === b.cause && a.since === b.since && a.until === b.until;

/**
 * Focus state with a manual toggle (on, off, on for N minutes). The override is persisted so a
 * restart keeps the user in focus; expiry is found by re-reading the clock, never by trusting a timer.
 */
export async function createFocusService(options: {
  dataDir: string;
  clock: Clock;
  logger: Logger;
}): Promise<FocusService> {
  const file = path.join(options.dataDir, FOCUS_FILE);
  const listeners = new Set<(status: FocusStatus, previous: FocusStatus) => void>();
  const writes = createSerialQueue();
  let override = await load();
  let current = statusAt(override, options.clock.now());
  let cancelTimer: Cancel | null = null;
  arm();

  async function load(): Promise<Override | null> {
    const text = await readFileIfExists(file);
    if (text === null) return null;
    try {
      const raw = JSON.parse(text) as Partial<Override>;
      if (typeof raw.active === 'boolean' && typeof raw.since === 'number') {
        return {
          active: raw.active,
          since: raw.since,
          until: typeof raw.until === 'number' ? raw.until : null,
        };
      }
    } catch {
      // fall through
    }
    options.logger.warn(`${FOCUS_FILE} unreadable; focus starts off`);
    return null;
  }

  function arm(): void {
    cancelTimer?.();
    cancelTimer = null;
    if (!current.active || current.until === null) return;
    const delay = Math.min(current.until - options.clock.now(), MAX_TIMER_MS);
    cancelTimer = options.clock.setTimer(() => service.recompute(), delay);
  }

  function publish(): void {
    const previous = current;
    current = statusAt(override, options.clock.now());
    // Retire an expired override: a clock set back before `until` must not revive the session
    // (and record it twice). The file may keep it; after a restart `until` is compared afresh.
    if (override?.active && !current.active) override = null;
    arm();
    if (sameStatus(previous, current)) return;
    for (const listener of listeners) listener(current, previous);
  }

  const service: FocusService = {
    status: () => current,
    // One request at a time, in call order: concurrent writes could otherwise land out of order and
    // leave the file, the memory and the caller's answer disagreeing.
    set: (request) =>
      writes(async () => {
        const now = options.clock.now();
        const next: Override = request.active
          ? {
              active: true,
              since: current.active && current.since !== null ? current.since : now,
              until: request.minutes ? now + request.minutes * MINUTE_MS : null,
            }
          : { active: false, since: now, until: null };
        await writeFileAtomic(file, JSON.stringify(next));
        override = next;
        publish();
        return current;
      }),
    recompute: publish,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      cancelTimer?.();
      cancelTimer = null;
      listeners.clear();
    },
  };
  return service;
}
