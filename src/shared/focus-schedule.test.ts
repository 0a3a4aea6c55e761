import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { blocksBetween, type FocusRule, focusRuleSchema } from './focus-schedule';
import { evaluateFocus, type FocusOverride } from './focus-state';

const MIN = 60_000;
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
const utc = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().replace('.000', ''));

function rule(partial: Partial<FocusRule> & Pick<FocusRule, 'start' | 'end'>): FocusRule {
  return {
    id: partial.name ?? 'r',
    name: 'Deep work',
    kind: 'window',
    weekdays: [1, 2, 3, 4, 5],
    zone: 'Europe/Berlin',
    enabled: true,
    ...partial,
  };
}

const deepWork = rule({ start: '09:00', end: '11:00' });
// 2026-11-18 is a Wednesday; Berlin is at +01:00 in November.
const WED_10 = at('2026-11-18T10:00:00+01:00');

describe('schedule evaluation', () => {
  it.each<{
    name: string;
    rules: FocusRule[];
    now: string;
    active: boolean;
    ruleName?: string;
    until?: string;
    next?: string;
  }>([
    {
      name: 'inside a weekday window',
      rules: [deepWork],
      now: '2026-11-18T10:00:00+01:00',
      active: true,
      ruleName: 'Deep work',
      until: '2026-11-18T10:00:00Z',
      next: '2026-11-18T10:00:00Z',
    },
    {
      name: 'exactly at the end is outside',
      rules: [deepWork],
      now: '2026-11-18T11:00:00+01:00',
      active: false,
      next: '2026-11-19T08:00:00Z',
    },
    {
      name: 'exactly at the start is inside',
      rules: [deepWork],
      now: '2026-11-18T09:00:00+01:00',
      active: true,
      until: '2026-11-18T10:00:00Z',
    },
    {
      name: 'weekend: next block is Monday',
      rules: [deepWork],
      now: '2026-11-21T10:00:00+01:00',
      active: false,
      next: '2026-11-23T08:00:00Z',
    },
    {
      name: 'crossing midnight, after midnight',
      rules: [rule({ name: 'Night', start: '22:00', end: '02:00', weekdays: [5] })],
      now: '2026-11-21T01:00:00+01:00',
      active: true,
      ruleName: 'Night',
      until: '2026-11-21T01:00:00Z',
    },
    {
      name: 'crossing midnight, the day after is free',
      rules: [rule({ name: 'Night', start: '22:00', end: '02:00', weekdays: [5] })],
      now: '2026-11-21T22:30:00+01:00',
      active: false,
    },
    {
      name: 'overlapping rules are one block',
      rules: [
        rule({ name: 'A', start: '09:00', end: '11:00' }),
        rule({ name: 'B', start: '10:00', end: '12:00' }),
      ],
      now: '2026-11-18T09:30:00+01:00',
      active: true,
      ruleName: 'A + B',
      until: '2026-11-18T11:00:00Z',
    },
    {
      name: 'touching rules are one block',
      rules: [
        rule({ name: 'A', start: '09:00', end: '10:00' }),
        rule({ name: 'B', start: '10:00', end: '11:00' }),
      ],
      now: '2026-11-18T09:30:00+01:00',
      active: true,
      until: '2026-11-18T10:00:00Z',
    },
    {
      name: 'all-day rule covers the whole local day',
      rules: [
        rule({ name: 'No-Meeting Wednesday', kind: 'all-day', start: '00:00', end: '00:00', weekdays: [3] }),
      ],
      now: '2026-11-18T23:59:00+01:00',
      active: true,
      ruleName: 'No-Meeting Wednesday',
      until: '2026-11-18T23:00:00Z',
    },
    {
      name: 'a disabled rule does nothing',
      rules: [{ ...deepWork, enabled: false }],
      now: '2026-11-18T10:00:00+01:00',
      active: false,
    },
    {
      name: 'a rule in another zone counts in its own zone',
      rules: [rule({ start: '09:00', end: '11:00', zone: 'America/New_York' })],
      now: '2026-11-18T15:30:00+01:00',
      active: true,
      until: '2026-11-18T16:00:00Z',
    },
  ])('$name', ({ rules, now, active, ruleName, until, next }) => {
    const state = evaluateFocus(rules, null, at(now));
    expect(state.active).toBe(active);
    expect(state.cause).toBe(active ? 'schedule' : null);
    if (ruleName) expect(state.ruleName).toBe(ruleName);
    if (until) expect(utc(state.until)).toBe(until);
    if (next) expect(utc(state.nextChangeAt)).toBe(next);
  });
});

describe('overrides', () => {
  const cases: {
    name: string;
    override: FocusOverride;
    now: number;
    active: boolean;
    cause: string | null;
    until: string | null;
    skipping?: boolean;
  }[] = [
    {
      name: 'on for 25 minutes outside a block',
      override: { kind: 'on', since: WED_10 + 2 * 60 * MIN, until: WED_10 + 145 * MIN },
      now: WED_10 + 130 * MIN,
      active: true,
      cause: 'manual',
      until: '2026-11-18T11:25:00Z',
    },
    {
      name: 'on until turned off',
      override: { kind: 'on', since: WED_10 + 2 * 60 * MIN, until: null },
      now: WED_10 + 3 * 60 * MIN,
      active: true,
      cause: 'manual',
      until: null,
    },
    {
      name: 'timed focus expiring inside a block runs on to the block end',
      override: { kind: 'on', since: WED_10 - 90 * MIN, until: WED_10 },
      now: WED_10 - 30 * MIN,
      active: true,
      cause: 'manual',
      until: '2026-11-18T10:00:00Z',
    },
    {
      name: 'after it expired inside the block, the schedule holds',
      override: { kind: 'on', since: WED_10 - 90 * MIN, until: WED_10 - 30 * MIN },
      now: WED_10,
      active: true,
      cause: 'schedule',
      until: '2026-11-18T10:00:00Z',
    },
    {
      name: 'skipping the current block',
      override: { kind: 'off', since: WED_10, until: WED_10 + 60 * MIN },
      now: WED_10 + MIN,
      active: false,
      cause: null,
      until: null,
      skipping: true,
    },
    {
      name: 'a skip ends with its block',
      override: { kind: 'off', since: WED_10, until: WED_10 + 60 * MIN },
      now: WED_10 + 61 * MIN,
      active: false,
      cause: null,
      until: null,
      skipping: false,
    },
    {
      name: 'an expired override is ignored',
      override: { kind: 'on', since: WED_10 - 600 * MIN, until: WED_10 - 500 * MIN },
      now: WED_10 + 120 * MIN,
      active: false,
      cause: null,
      until: null,
    },
  ];
  it.each(cases)('$name', ({ override, now, active, cause, until, skipping }) => {
    const state = evaluateFocus([deepWork], override, now);
    expect(state.active).toBe(active);
    expect(state.cause).toBe(cause);
    expect(utc(state.until)).toBe(until);
    if (skipping !== undefined) expect(state.skipping).toBe(skipping);
  });

  it('after a skip, the next change is the next block, not the skip end', () => {
    const state = evaluateFocus(
      [deepWork],
      { kind: 'off', since: WED_10, until: WED_10 + 60 * MIN },
      WED_10 + MIN,
    );
    expect(utc(state.nextChangeAt)).toBe('2026-11-19T08:00:00Z');
    expect(utc(state.nextBlock?.start ?? null)).toBe('2026-11-19T08:00:00Z');
  });
});

describe('daylight saving time', () => {
  // Each row: a rule on the transition day, and the exact instants its block must start and end.
  it.each([
    {
      zone: 'America/New_York',
      day: '2026-03-08',
      weekday: 7,
      start: '02:30',
      end: '04:00',
      from: '2026-03-08T07:00:00Z',
      to: '2026-03-08T08:00:00Z',
      why: 'start in the spring gap starts at the gap end (03:00 EDT)',
    },
    {
      zone: 'America/New_York',
      day: '2026-11-01',
      weekday: 7,
      start: '00:00',
      end: '01:30',
      from: '2026-11-01T04:00:00Z',
      to: '2026-11-01T05:30:00Z',
      why: 'end in the repeated hour ends once, at the first 01:30 (EDT)',
    },
    {
      zone: 'Europe/Berlin',
      day: '2026-03-29',
      weekday: 7,
      start: '02:15',
      end: '05:00',
      from: '2026-03-29T01:00:00Z',
      to: '2026-03-29T03:00:00Z',
      why: 'start in the spring gap starts at 03:00 CEST',
    },
    {
      zone: 'Europe/Berlin',
      day: '2026-10-25',
      weekday: 7,
      start: '01:00',
      end: '02:30',
      from: '2026-10-24T23:00:00Z',
      to: '2026-10-25T00:30:00Z',
      why: 'end in the repeated hour ends at the first 02:30 (CEST)',
    },
    {
      zone: 'Australia/Lord_Howe',
      day: '2026-10-04',
      weekday: 7,
      start: '02:10',
      end: '03:00',
      from: '2026-10-03T15:30:00Z',
      to: '2026-10-03T16:00:00Z',
      why: 'the 30-minute spring gap: starts at 02:30 (+11:00)',
    },
    {
      zone: 'Australia/Lord_Howe',
      day: '2026-04-05',
      weekday: 7,
      start: '00:30',
      end: '01:45',
      from: '2026-04-04T13:30:00Z',
      to: '2026-04-04T14:45:00Z',
      why: 'the 30-minute repeated half hour: ends at the first 01:45 (+11:00)',
    },
    {
      zone: 'Europe/Berlin',
      day: '2026-03-29',
      weekday: 7,
      start: '00:00',
      end: '06:00',
      from: '2026-03-28T23:00:00Z',
      to: '2026-03-29T04:00:00Z',
      why: 'a block spanning the gap lasts 5 real hours',
    },
    {
      zone: 'Europe/Berlin',
      day: '2026-10-25',
      weekday: 7,
      start: '00:00',
      end: '06:00',
      from: '2026-10-24T22:00:00Z',
      to: '2026-10-25T05:00:00Z',
      why: 'a block spanning the repeated hour lasts 7 real hours',
    },
  ])('$zone $day: $why', ({ zone, day, weekday, start, end, from, to }) => {
    const r = rule({ zone, start, end, weekdays: [weekday] });
    const dayStart = DateTime.fromISO(day, { zone }).toMillis();
    const blocks = blocksBetween([r], dayStart - 3_600_000, dayStart + 86_400_000);
    expect(blocks.map((b) => [utc(b.start), utc(b.end)])).toEqual([[from, to]]);
  });
});

describe('rule validation', () => {
  it('explains what is wrong in words', () => {
    const result = focusRuleSchema.safeParse({
      ...deepWork,
      name: ' ',
      weekdays: [],
      start: '9am',
      zone: 'Mars/Base',
    });
    expect(result.success).toBe(false);
    const messages = result.success
      ? []
      : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'name: needs a name',
        'weekdays: needs at least one day',
        'start: must be a time like 09:00',
        'zone: must be an IANA time zone',
      ]),
    );
    expect(focusRuleSchema.safeParse({ ...deepWork, end: '09:00' }).success).toBe(false);
  });
});
