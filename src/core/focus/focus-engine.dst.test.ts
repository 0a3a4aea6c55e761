/**
 * The engine across daylight-saving changes in Berlin, with the policy of src/shared/focus-schedule.ts:
 * a block starting in the spring-forward gap starts at the gap's end; a block ending in the repeated
 * fall-back hour ends once, at the first occurrence; lengths are real elapsed time.
 */
import { describe, expect, it } from 'vitest';
import { armed, BERLIN, deepWork, startEngine } from '../../../test/helpers/focus-engine';
import { tempDir } from '../../../test/helpers/temp-dir';
import type { FocusRule } from '../../shared/focus-schedule';
import { MAX_SLEEP_MS } from '../lib/wake-timer';

const utc = (iso: string) => Date.parse(iso);
const sunday = (start: string, end: string): FocusRule => ({
  ...deepWork,
  id: `sun-${start}`,
  name: 'Night shift',
  weekdays: [7],
  start,
  end,
  zone: BERLIN,
});

/** Runs the engine from `from` to `to` on its own timers and returns the transitions it fired. */
async function run(rules: FocusRule[], from: string, to: string) {
  const engine = await startEngine({ dataDir: await tempDir(), start: utc(from), rules });
  while (engine.clock.now() < utc(to)) {
    expect(armed(engine.clock).every((delay) => delay <= MAX_SLEEP_MS)).toBe(true);
    engine.clock.advance(Math.min(13_000, utc(to) - engine.clock.now()));
  }
  return engine.transitions.map((t) => [new Date(t.at).toISOString(), t.status.active]);
}

describe('focus engine across DST (Europe/Berlin)', () => {
  it('spring forward: a block from 02:15, inside the gap, starts at 03:00 CEST and ends at 05:00', async () => {
    expect(await run([sunday('02:15', '05:00')], '2026-03-28T23:30:00Z', '2026-03-29T04:00:00Z')).toEqual([
      ['2026-03-29T01:00:00.000Z', true],
      ['2026-03-29T03:00:00.000Z', false],
    ]);
  });

  it('spring forward: a block over the gap, 00:00–06:00, lasts 5 real hours', async () => {
    expect(await run([sunday('00:00', '06:00')], '2026-03-28T22:00:00Z', '2026-03-29T05:00:00Z')).toEqual([
      ['2026-03-28T23:00:00.000Z', true],
      ['2026-03-29T04:00:00.000Z', false],
    ]);
  });

  it('fall back: a block ending at 02:30 ends once, at the first 02:30 (CEST)', async () => {
    // The second 02:30 (CET, 01:30Z) comes and goes without a transition.
    expect(await run([sunday('01:00', '02:30')], '2026-10-24T22:00:00Z', '2026-10-25T03:00:00Z')).toEqual([
      ['2026-10-24T23:00:00.000Z', true],
      ['2026-10-25T00:30:00.000Z', false],
    ]);
  });

  it('fall back: a block over the repeated hour, 00:00–06:00, lasts 7 real hours', async () => {
    expect(await run([sunday('00:00', '06:00')], '2026-10-24T21:00:00Z', '2026-10-25T06:00:00Z')).toEqual([
      ['2026-10-24T22:00:00.000Z', true],
      ['2026-10-25T05:00:00.000Z', false],
    ]);
  });

  it('the Monday after each change keeps 09:00–11:00 local time', async () => {
    const spring = await run([deepWork], '2026-03-30T06:00:00Z', '2026-03-30T10:00:00Z');
    const autumn = await run([deepWork], '2026-10-26T07:00:00Z', '2026-10-26T11:00:00Z');
    expect([...spring, ...autumn]).toEqual([
      ['2026-03-30T07:00:00.000Z', true],
      ['2026-03-30T09:00:00.000Z', false],
      ['2026-10-26T08:00:00.000Z', true],
      ['2026-10-26T10:00:00.000Z', false],
    ]);
  });
});
