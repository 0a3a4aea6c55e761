import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { blocksBetween, type FocusRule } from '../../../shared/focus-schedule';
import { layoutWeek, segmentBox, visibleRange, weekBounds } from './week-timeline';

const zone = 'Europe/Berlin';
const at = (iso: string, z = zone) => DateTime.fromISO(iso, { zone: z }).toMillis();

function rule(overrides: Partial<FocusRule>): FocusRule {
  return {
    id: overrides.name ?? 'r',
    name: 'Deep work',
    kind: 'window',
    weekdays: [1, 2, 3, 4, 5],
    start: '09:00',
    end: '11:00',
    zone,
    enabled: true,
    ...overrides,
  };
}

function week(rules: FocusRule[], now: number, z = zone) {
  const { start, end } = weekBounds(now, z);
  return layoutWeek(blocksBetween(rules, start, end), now, z);
}

describe('weekBounds', () => {
  it('runs from Monday 00:00 to the next Monday 00:00 in the zone', () => {
    expect(weekBounds(at('2026-03-11T10:00'), zone)).toEqual({
      start: at('2026-03-09T00:00'),
      end: at('2026-03-16T00:00'),
    });
    // Sunday late evening still belongs to the week that started on Monday.
    expect(weekBounds(at('2026-03-15T23:30'), zone).start).toBe(at('2026-03-09T00:00'));
  });
});

describe('layoutWeek', () => {
  const now = at('2026-03-11T10:00');

  it('gives seven named days with the blocks by time of day, past, current and ahead', () => {
    const { days, nowMinute } = week([rule({})], now);
    expect(days.map((d) => d.shortName)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(days[0]).toMatchObject({ key: '2026-03-09', longName: 'Monday 9 March', dayOfMonth: 9 });
    expect(days.map((d) => d.isToday)).toEqual([false, false, true, false, false, false, false]);
    expect(days[0]!.segments).toMatchObject([
      {
        name: 'Deep work',
        startMinute: 540,
        endMinute: 660,
        label: '09:00–11:00',
        past: true,
        current: false,
      },
    ]);
    expect(days[2]!.segments).toMatchObject([{ past: false, current: true }]);
    expect(days[3]!.segments).toMatchObject([{ past: false, current: false }]);
    expect(days[5]!.segments).toEqual([]);
    expect(nowMinute).toBe(600);
  });

  it('cuts a block that crosses midnight at the day boundary', () => {
    const late = rule({ name: 'Late shift', weekdays: [5], start: '22:00', end: '02:00' });
    const { days } = week([late], now);
    expect(days[4]!.segments).toMatchObject([{ startMinute: 1320, endMinute: 1440, label: '22:00–24:00' }]);
    expect(days[5]!.segments).toMatchObject([{ startMinute: 0, endMinute: 120, label: '00:00–02:00' }]);
  });

  it('labels whole days, and joins overlapping rules under both names', () => {
    const { days } = week(
      [
        rule({ name: 'Offline', kind: 'all-day', weekdays: [7] }),
        rule({ name: 'Writing', weekdays: [1], start: '10:00', end: '12:00' }),
        rule({}),
      ],
      now,
    );
    expect(days[6]!.segments).toMatchObject([{ label: 'All day', startMinute: 0, endMinute: 1440 }]);
    expect(days[0]!.segments).toMatchObject([{ name: 'Deep work + Writing', label: '09:00–12:00' }]);
  });

  it("shows rules kept in another zone at the user's local time", () => {
    const ny = rule({
      name: 'Standup-free',
      weekdays: [3],
      start: '09:00',
      end: '10:00',
      zone: 'America/New_York',
    });
    // New York is on summer time from 8 March 2026, Berlin only from 29 March: five hours apart.
    expect(week([ny], now).days[2]!.segments).toMatchObject([{ label: '14:00–15:00' }]);
  });

  it('places blocks by wall-clock time on a spring-forward day', () => {
    const sunday = at('2026-03-29T12:00');
    const { days } = week(
      [
        rule({ name: 'Offline', kind: 'all-day', weekdays: [7] }),
        rule({ name: 'Night', weekdays: [6], start: '01:00', end: '04:00' }),
      ],
      sunday,
    );
    expect(days[6]!.segments).toMatchObject([
      { label: 'All day', startMinute: 0, endMinute: 1440, current: true },
    ]);
    expect(days[5]!.segments).toMatchObject([{ label: '01:00–04:00' }]);
  });
});

describe('visibleRange', () => {
  it('shows a working day when nothing lies outside it, snapped to two-hour lines', () => {
    const range = visibleRange(week([rule({})], at('2026-03-11T10:00')));
    expect(range).toEqual({
      from: 360,
      to: 1320,
      step: 120,
      ticks: [360, 480, 600, 720, 840, 960, 1080, 1200, 1320],
    });
  });

  it('widens to every block and to the current time', () => {
    const late = rule({ name: 'Late', weekdays: [5], start: '22:00', end: '02:00' });
    expect(visibleRange(week([late], at('2026-03-11T10:00')))).toMatchObject({
      from: 0,
      to: 1440,
      step: 360,
    });
    expect(visibleRange(week([], at('2026-03-11T04:30')))).toMatchObject({ from: 180, to: 1260, step: 180 });
  });

  it('positions segments as percentages of the range', () => {
    expect(segmentBox({ startMinute: 540, endMinute: 660 }, { from: 360, to: 1320 })).toEqual({
      left: 18.75,
      width: 12.5,
    });
    expect(segmentBox({ startMinute: 0, endMinute: 1440 })).toEqual({ left: 0, width: 100 });
  });
});
