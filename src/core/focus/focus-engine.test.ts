/**
 * The focus engine driven by a schedule, on a fake clock: blocks start and end by themselves, clock
 * jumps collapse into the current state, and no transition fires twice (DESIGN.md "Time").
 */
import { describe, expect, it } from 'vitest';
import { armed, berlin, deepWork, startEngine } from '../../../test/helpers/focus-engine';
import { tempDir } from '../../../test/helpers/temp-dir';
import { HOUR_MS, MINUTE_MS } from '../../shared/channels';
import type { FocusRule } from '../../shared/focus-schedule';
import { MAX_SLEEP_MS } from '../lib/wake-timer';

// 2026-11-18 is a Wednesday; Berlin is at +01:00. Deep work runs 09:00–11:00 on weekdays.
const WED_0830 = berlin('2026-11-18T08:30');
const WED_0900 = berlin('2026-11-18T09:00');
const WED_1000 = berlin('2026-11-18T10:00');
const WED_1100 = berlin('2026-11-18T11:00');
const THU_0900 = berlin('2026-11-19T09:00');
const THU_1100 = berlin('2026-11-19T11:00');
const thursday = { start: THU_0900, end: THU_1100, name: 'Deep work' };

describe('focus engine: scheduled blocks', () => {
  it('turns focus on at the block start and off at its end by itself, with the timer ≤ 60 s', async () => {
    const { focus, clock, transitions } = await startEngine({ dataDir: await tempDir(), start: WED_0830 });
    expect(focus.status()).toMatchObject({ active: false, nextChangeAt: WED_0900 });
    // Odd steps, so the exact instants below come from the timer, not from the step size.
    while (clock.now() < WED_1100 + 30 * MINUTE_MS) {
      const pending = armed(clock);
      expect(pending).toHaveLength(1);
      expect(pending[0]).toBeLessThanOrEqual(MAX_SLEEP_MS);
      clock.advance(7_000);
      if (clock.now() > WED_0900 && clock.now() < WED_1100) {
        expect(focus.status()).toEqual({
          active: true,
          cause: 'schedule',
          ruleName: 'Deep work',
          since: WED_0900,
          until: WED_1100,
          nextChangeAt: WED_1100,
          skipping: false,
          nextBlock: thursday,
        });
      }
    }
    expect(focus.status()).toMatchObject({ active: false, cause: null, ruleName: null, nextBlock: thursday });
    expect(transitions.map((t) => [t.at, t.status.active, t.status.cause, t.status.ruleName])).toEqual([
      [WED_0900, true, 'schedule', 'Deep work'],
      [WED_1100, false, null, null],
    ]);
    expect(transitions[0]!.id).not.toBe(transitions[1]!.id);
  });

  it('fires each block once, from Friday over the weekend to Monday', async () => {
    const friday = berlin('2026-11-20T08:30');
    const { clock, transitions, longestTimers } = await startEngine({
      dataDir: await tempDir(),
      start: friday,
    });
    clock.advance(berlin('2026-11-23T12:00') - friday); // to Monday noon
    const days = transitions.map((t) => `${new Date(t.at).toISOString().slice(0, 13)} ${t.status.active}`);
    expect(days).toEqual(['20', '23'].flatMap((d) => [`2026-11-${d}T08 true`, `2026-11-${d}T10 false`]));
    expect(new Set(transitions.map((t) => t.id)).size).toBe(4);
    expect(Math.max(...longestTimers)).toBeLessThanOrEqual(MAX_SLEEP_MS);
  });
});

describe('focus engine: the clock jumps forward (sleep, NTP)', () => {
  it('over a whole block: nothing fires, the state is the current one at once', async () => {
    const { focus, clock, changes, transitions } = await startEngine({
      dataDir: await tempDir(),
      start: WED_0830,
    });
    clock.set(WED_1100 + HOUR_MS); // no timer ran: the machine slept through the block
    // A read computes the state now, but changes nothing: no change event before recompute().
    expect(focus.status()).toMatchObject({ active: false, nextChangeAt: THU_0900 });
    expect(changes).toHaveLength(0);
    focus.recompute();
    expect(focus.status()).toMatchObject({ active: false, nextChangeAt: THU_0900, nextBlock: thursday });
    expect(changes).toHaveLength(1);
    expect(transitions).toEqual([]); // off before, off after: the skipped block is not history
    expect(armed(clock)).toEqual([MAX_SLEEP_MS]);

    clock.advance(THU_0900 - clock.now());
    expect(transitions.map((t) => [t.at, t.status.active])).toEqual([[THU_0900, true]]);
  });

  it('into the middle of a block: one "on" transition, named after the block start', async () => {
    const { focus, clock, changes, transitions } = await startEngine({
      dataDir: await tempDir(),
      start: WED_0830,
    });
    clock.set(WED_1000);
    focus.recompute();
    expect(focus.status()).toMatchObject({
      active: true,
      cause: 'schedule',
      since: WED_0900,
      until: WED_1100,
    });
    expect(changes).toHaveLength(1);
    expect(transitions).toEqual([
      expect.objectContaining({ id: `deep@${WED_0900}`, at: WED_1000, status: focus.status() }),
    ]);
    clock.advance(HOUR_MS);
    expect(transitions.map((t) => [t.at, t.status.active])).toEqual([
      [WED_1000, true],
      [WED_1100, false],
    ]);
  });

  it('across days of blocks: the missed ones collapse into one change to the current state', async () => {
    const { focus, clock, changes, transitions } = await startEngine({
      dataDir: await tempDir(),
      start: WED_0830,
    });
    const monday1000 = berlin('2026-11-23T10:00');
    clock.set(monday1000);
    focus.recompute();
    expect(focus.status()).toMatchObject({ active: true, since: berlin('2026-11-23T09:00') });
    expect(changes).toHaveLength(1);
    expect(transitions.map((t) => [t.id, t.at])).toEqual([
      [`deep@${berlin('2026-11-23T09:00')}`, monday1000],
    ]);
  });
});

describe('focus engine: the clock moves back', () => {
  it('back into a block that already ended: active again, but nothing fires twice', async () => {
    const { focus, clock, changes, transitions } = await startEngine({
      dataDir: await tempDir(),
      start: WED_0830,
    });
    clock.advance(WED_1100 + 30 * MINUTE_MS - WED_0830);
    expect(transitions).toHaveLength(2);
    const changesBefore = changes.length;

    clock.set(WED_1000);
    focus.recompute();
    expect(focus.status()).toMatchObject({ active: true, cause: 'schedule', until: WED_1100 });
    expect(changes).toHaveLength(changesBefore + 1); // the mirrors (tray, window) follow the clock
    clock.advance(2 * HOUR_MS); // past the end a second time
    expect(focus.status().active).toBe(false);
    expect(changes).toHaveLength(changesBefore + 2);
    expect(transitions).toHaveLength(2);
  });

  it('back to before a running block: off silently, and its start does not fire again', async () => {
    const { focus, clock, transitions } = await startEngine({ dataDir: await tempDir(), start: WED_0830 });
    clock.advance(WED_1000 - WED_0830);
    clock.set(WED_0830);
    focus.recompute();
    expect(focus.status().active).toBe(false);
    clock.advance(3 * HOUR_MS);
    expect(transitions.map((t) => [t.at, t.status.active])).toEqual([
      [WED_0900, true],
      [WED_1100, false],
    ]);
  });

  it('remembers what fired across a restart', async () => {
    const dataDir = await tempDir();
    const first = await startEngine({ dataDir, start: WED_0830 });
    first.clock.advance(WED_1100 + 30 * MINUTE_MS - WED_0830);
    expect(first.transitions).toHaveLength(2);
    await first.focus.close();

    const second = await startEngine({ dataDir, start: WED_1000 }); // restarted with the clock set back
    expect(second.focus.status()).toMatchObject({ active: true, since: WED_0900 });
    second.clock.advance(THU_1100 - WED_1000);
    expect(second.transitions.map((t) => [t.at, t.status.active])).toEqual([
      [THU_0900, true],
      [THU_1100, false],
    ]);
  });
});

describe('focus engine: resume', () => {
  it('status() reads the clock after a sleep without firing anything; recompute() on resume records the end', async () => {
    const start = WED_1100 + HOUR_MS;
    const { focus, clock, transitions } = await startEngine({ dataDir: await tempDir(), start });
    await focus.set({ active: true, minutes: 25 });
    clock.set(start + 3 * HOUR_MS); // the machine slept; its timers did not run
    // A read shows the truth (a GET after resume must not show the session from before the sleep)…
    expect(focus.status()).toMatchObject({ active: false, cause: null });
    // …but changes nothing: the end reaches history only when the engine recomputes.
    expect(transitions.map((t) => t.status.active)).toEqual([true]);
    focus.recompute(); // what the desktop host calls on resume and unlock
    expect(focus.status()).toMatchObject({ active: false, cause: null });
    expect(transitions.map((t) => [t.at, t.status.active])).toEqual([
      [start, true],
      [start + 3 * HOUR_MS, false],
    ]);
  });
});

describe('focus engine: rule changes', () => {
  it('a new rule covering now turns focus on at once; removing it turns focus off at once', async () => {
    const { focus, setRules, transitions } = await startEngine({
      dataDir: await tempDir(),
      start: WED_1100 + HOUR_MS,
      rules: [],
    });
    const lunch: FocusRule = { ...deepWork, id: 'lunch', name: 'Lunch', start: '11:30', end: '13:00' };
    setRules([lunch]);
    expect(focus.status()).toMatchObject({ active: true, cause: 'schedule', ruleName: 'Lunch' });
    setRules([]);
    expect(focus.status().active).toBe(false);
    expect(transitions.map((t) => t.status.active)).toEqual([true, false]);
  });

  it('renaming the rule of the next block tells the mirrors', async () => {
    const { focus, setRules, changes } = await startEngine({ dataDir: await tempDir(), start: WED_0830 });
    setRules([{ ...deepWork, name: 'Writing' }]);
    expect(focus.status().nextBlock).toEqual({ start: WED_0900, end: WED_1100, name: 'Writing' });
    expect(changes).toEqual([focus.status()]);
  });
});
