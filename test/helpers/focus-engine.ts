import { DateTime } from 'luxon';
import { onTestFinished } from 'vitest';
import { createFocusEngine, type FocusTransition } from '../../src/core/focus/focus-engine';
import type { Logger } from '../../src/core/ports';
import type { FocusRule } from '../../src/shared/focus-schedule';
import type { FocusStatus } from '../../src/shared/focus-schemas';
import { DEFAULT_WORKING_HOURS, type WorkingCalendar } from '../../src/shared/working-time';
import { createFakeClock, type FakeClock } from './fake-clock';

export const BERLIN = 'Europe/Berlin';

/** An instant from a Berlin wall-clock time: `berlin('2026-11-18T09:00')`. */
export const berlin = (local: string) => DateTime.fromISO(local, { zone: BERLIN }).toMillis();

/** "Deep work", Monday to Friday 09:00–11:00 Berlin time. */
export const deepWork: FocusRule = {
  id: 'deep',
  name: 'Deep work',
  kind: 'window',
  weekdays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '11:00',
  zone: BERLIN,
  enabled: true,
};

export const berlinCalendar: WorkingCalendar = { zone: BERLIN, hours: DEFAULT_WORKING_HOURS, holidays: [] };

export interface EngineOptions {
  dataDir: string;
  clock?: FakeClock;
  start?: number;
  rules?: readonly FocusRule[];
  calendar?: WorkingCalendar | null;
}

/**
 * A focus engine on a fake clock and a real data dir, recording every change and transition, and
 * checking after each change that the armed timer sleeps no longer than 60 s. Closed when the test
 * finishes (before the temp dir goes: finish hooks run in reverse).
 */
export async function startEngine(options: EngineOptions) {
  const clock = options.clock ?? createFakeClock(options.start ?? 0);
  let rules = options.rules ?? [deepWork];
  const calendar = options.calendar === undefined ? berlinCalendar : options.calendar;
  const logged: string[] = [];
  const logger: Logger = { info() {}, warn: (m) => logged.push(m), error: (m) => logged.push(m) };
  const focus = await createFocusEngine({
    dataDir: options.dataDir,
    clock,
    logger,
    rules: () => rules,
    calendar: () => calendar,
  });
  onTestFinished(() => focus.close());
  const changes: FocusStatus[] = [];
  const transitions: FocusTransition[] = [];
  const longestTimers: number[] = [];
  focus.onChange((status) => {
    changes.push(status);
    longestTimers.push(Math.max(0, ...clock.pendingTimers().map((t) => t.delayMs)));
  });
  focus.onTransition((transition) => transitions.push(transition));
  return {
    focus,
    clock,
    changes,
    transitions,
    logged,
    /** The longest timer armed right after each change. */
    longestTimers,
    /** Replaces the rules, as a settings change does, and recomputes. */
    setRules(next: readonly FocusRule[]) {
      rules = next;
      focus.recompute();
    },
  };
}

/** The pending timers' delays: the engine keeps exactly one armed. */
export const armed = (clock: FakeClock) => clock.pendingTimers().map((t) => t.delayMs);
