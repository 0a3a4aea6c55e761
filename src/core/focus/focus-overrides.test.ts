/**
 * Every way a person overrides the schedule, driven through the engine on a fake clock: an override
 * wins until it expires, then the schedule applies again.
 */
import { describe, expect, it } from 'vitest';
import { berlin, berlinCalendar, startEngine } from '../../../test/helpers/focus-engine';
import { tempDir } from '../../../test/helpers/temp-dir';
import { HOUR_MS, MINUTE_MS } from '../../shared/channels';
import { LullError } from '../../shared/contract';
import type { FocusRule } from '../../shared/focus-schedule';

// 2026-11-18 is a Wednesday; Berlin is at +01:00. Deep work runs 09:00–11:00 on weekdays.
const WED_0900 = berlin('2026-11-18T09:00');
const WED_1000 = berlin('2026-11-18T10:00');
const WED_1100 = berlin('2026-11-18T11:00');
const WED_1200 = berlin('2026-11-18T12:00');
const THU_0900 = berlin('2026-11-19T09:00');

const engineAt = async (start: number, calendar = berlinCalendar, rules?: readonly FocusRule[]) =>
  startEngine({ dataDir: await tempDir(), start, calendar, ...(rules ? { rules } : {}) });

describe('focus overrides: on for a while', () => {
  it.each([25, 60, 120, 7])('on for %i minutes outside a block, then off by itself', async (minutes) => {
    const { focus, clock, transitions } = await engineAt(WED_1200);
    const end = WED_1200 + minutes * MINUTE_MS;
    expect(await focus.set({ active: true, minutes })).toMatchObject({
      active: true,
      cause: 'manual',
      ruleName: null,
      since: WED_1200,
      until: end,
      nextChangeAt: end,
    });
    clock.advance(minutes * MINUTE_MS);
    expect(focus.status()).toMatchObject({ active: false, nextChangeAt: THU_0900 });
    expect(transitions.map((t) => [t.at, t.status.active])).toEqual([
      [WED_1200, true],
      [end, false],
    ]);
  });

  it('on for 3 hours from inside a block outlasts it: one session, no transition at the block end', async () => {
    const { focus, clock, transitions } = await engineAt(WED_1000);
    clock.advance(1);
    const on = await focus.set({ active: true, minutes: 180 });
    expect(on).toMatchObject({ cause: 'manual', since: WED_0900, until: WED_1000 + 1 + 3 * HOUR_MS });
    clock.advance(3 * HOUR_MS);
    expect(focus.status().active).toBe(false);
    expect(transitions.map((t) => [t.at, t.status.active])).toEqual([[WED_1000 + 1 + 3 * HOUR_MS, false]]);
  });

  it('until a given instant; one in the past or now is refused with invalid-until', async () => {
    const { focus, clock } = await engineAt(WED_1200);
    await expect(focus.set({ active: true, until: WED_1200 })).rejects.toMatchObject({
      name: 'LullError',
      code: 'invalid-until',
    });
    await expect(focus.set({ active: true, until: WED_1200 - 1 })).rejects.toBeInstanceOf(LullError);
    expect(focus.status().active).toBe(false);
    const until = berlin('2026-11-18T15:30');
    expect(await focus.set({ active: true, until })).toMatchObject({ active: true, until });
    clock.advance(until - WED_1200);
    expect(focus.status().active).toBe(false);
  });
});

describe('focus overrides: named ends', () => {
  it('until the block ends, from inside a block', async () => {
    const { focus, clock, transitions } = await engineAt(WED_1000);
    expect(await focus.set({ active: true, until: 'block-end' })).toMatchObject({
      active: true,
      cause: 'manual',
      since: WED_0900,
      until: WED_1100,
    });
    clock.advance(HOUR_MS);
    expect(focus.status()).toMatchObject({ active: false, nextChangeAt: THU_0900 });
    expect(transitions.map((t) => [t.at, t.status.active])).toEqual([[WED_1100, false]]);
  });

  it('until the block ends, with no block running, is refused with no-block', async () => {
    const { focus } = await engineAt(WED_1200);
    await expect(focus.set({ active: true, until: 'block-end' })).rejects.toMatchObject({ code: 'no-block' });
    expect(focus.status().active).toBe(false);
  });

  it.each([
    ['a Wednesday evening', '2026-11-18T20:00', [], '2026-11-19T09:00'],
    ['a Wednesday at 02:00 (tomorrow, not today)', '2026-11-18T02:00', [], '2026-11-19T09:00'],
    ['a Friday evening', '2026-11-20T18:30', [], '2026-11-23T09:00'],
    ['the eve of a holiday', '2026-11-18T20:00', ['2026-11-19'], '2026-11-20T09:00'],
  ])('until tomorrow’s working start, from %s', async (_name, now, holidays, expected) => {
    const calendar = { ...berlinCalendar, holidays };
    const { focus, clock, transitions } = await engineAt(berlin(now), calendar, []);
    const status = await focus.set({ active: true, until: 'working-start' });
    expect(status).toMatchObject({
      active: true,
      cause: 'manual',
      since: berlin(now),
      until: berlin(expected),
    });
    clock.advance(berlin(expected) - berlin(now));
    expect(transitions.map((t) => [t.at, t.status.active])).toEqual([
      [berlin(now), true],
      [berlin(expected), false],
    ]);
  });

  it('until tomorrow’s working start runs on into a block starting then, as one session', async () => {
    const now = berlin('2026-11-18T20:00');
    const { focus, clock, transitions } = await engineAt(now);
    // While active, `until` is when focus actually ends: the end of the block it runs into.
    expect(await focus.set({ active: true, until: 'working-start' })).toMatchObject({
      until: berlin('2026-11-19T11:00'),
    });
    clock.advance(THU_0900 - now);
    expect(focus.status()).toMatchObject({ active: true, cause: 'schedule', ruleName: 'Deep work' });
    expect(transitions.map((t) => [t.at, t.status.active])).toEqual([[now, true]]);
  });

  it('until tomorrow’s working start without working hours is refused with no-working-hours', async () => {
    const empty = { ...berlinCalendar, hours: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } };
    for (const calendar of [empty, null]) {
      const { focus } = await startEngine({ dataDir: await tempDir(), start: WED_1200, calendar });
      await expect(focus.set({ active: true, until: 'working-start' })).rejects.toMatchObject({
        code: 'no-working-hours',
      });
    }
  });
});

describe('focus overrides: off', () => {
  it('off during a block skips it: inactive until the next block, which starts as usual', async () => {
    const { focus, clock, changes, transitions } = await engineAt(WED_1000 + 30_000);
    const skipped = await focus.set({ active: false });
    expect(skipped).toEqual({
      active: false,
      cause: null,
      ruleName: null,
      since: null,
      until: null,
      nextChangeAt: THU_0900,
      skipping: true,
      nextBlock: { start: THU_0900, end: berlin('2026-11-19T11:00'), name: 'Deep work' },
    });
    clock.advance(WED_1100 - clock.now());
    expect(focus.status()).toEqual({ ...skipped, skipping: false }); // exactly at the block end
    expect(changes.at(-1)).toEqual(focus.status());
    clock.advance(THU_0900 - clock.now());
    expect(focus.status()).toMatchObject({ active: true, cause: 'schedule', skipping: false });
    expect(transitions.map((t) => [t.at, t.status.active])).toEqual([
      [WED_1000 + 30_000, false],
      [THU_0900, true],
    ]);
  });

  it('off outside a block ends a manual session; off when already off changes nothing', async () => {
    const { focus, changes, transitions } = await engineAt(WED_1200);
    await focus.set({ active: true });
    expect(await focus.set({ active: false })).toMatchObject({ active: false, skipping: false });
    await focus.set({ active: false });
    expect(changes.map((s) => s.active)).toEqual([true, false]);
    expect(transitions.map((t) => t.status.active)).toEqual([true, false]);
  });

  it('a timed session ending inside a block hands over to the schedule without a flip', async () => {
    const start = berlin('2026-11-18T08:45');
    const { focus, clock, changes, transitions } = await engineAt(start);
    const until = berlin('2026-11-18T09:15:30');
    await focus.set({ active: true, until });
    clock.advance(until - start);
    // The handover shows at once, not at the next 60 s wake.
    expect(focus.status()).toMatchObject({
      active: true,
      cause: 'schedule',
      ruleName: 'Deep work',
      since: WED_0900,
      until: WED_1100,
    });
    expect(changes.every((s) => s.active)).toBe(true);
    expect(transitions.map((t) => [t.at, t.status.cause])).toEqual([[start, 'manual']]);
    clock.advance(WED_1100 - until);
    expect(transitions.map((t) => [t.at, t.status.active])).toEqual([
      [start, true],
      [WED_1100, false],
    ]);
  });
});
