import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { addWorkingTime } from '../../test/helpers/working-time';
import { HOUR_MS } from './channels';
import {
  addWorkingTimeOrNull,
  DEFAULT_WORKING_HOURS,
  isWorkingTime,
  nextWorkingStart,
  nextWorkingStartOrNull,
  type WorkingCalendar,
  type WorkingHours,
  type WorkingInterval,
  workingCalendarSchema,
  workingTimeBetween,
} from './working-time';

const at = (iso: string) => Date.parse(iso);
const utc = (ms: number) => new Date(ms).toISOString();
const calendar = (zone: string, hours = DEFAULT_WORKING_HOURS, holidays: string[] = []): WorkingCalendar => ({
  zone,
  hours,
  holidays,
});
const everyDay = (...intervals: WorkingInterval[]): WorkingHours => ({
  1: intervals,
  2: intervals,
  3: intervals,
  4: intervals,
  5: intervals,
  6: intervals,
  7: intervals,
});
const weekdays = (...intervals: WorkingInterval[]): WorkingHours => ({
  ...everyDay(...intervals),
  6: [],
  7: [],
});
const NO_HOURS = everyDay();

const berlin = calendar('Europe/Berlin');
const SPLIT = weekdays({ start: '13:00', end: '17:00' }, { start: '08:00', end: '12:00' });

// June 2025 in Berlin (+02:00): Wed 4, Fri 6, Sat 7, Sun 8, Mon 9, Tue 10.
describe('addWorkingTime', () => {
  it.each([
    ['PRODUCT example: Friday 16:00 + 4 h', berlin, '2025-06-06T16:00+02:00', 4, '2025-06-09T12:00+02:00'],
    [
      '… with Monday a holiday',
      calendar('Europe/Berlin', undefined, ['2025-06-09']),
      '2025-06-06T16:00+02:00',
      4,
      '2025-06-10T12:00+02:00',
    ],
    ['inside working hours', berlin, '2025-06-04T10:30+02:00', 4, '2025-06-04T14:30+02:00'],
    ['before 09:00 counts from 09:00', berlin, '2025-06-04T07:30+02:00', 4, '2025-06-04T13:00+02:00'],
    [
      'after 17:00 counts from the next morning',
      berlin,
      '2025-06-04T18:00+02:00',
      4,
      '2025-06-05T13:00+02:00',
    ],
    [
      'exactly at 17:00 counts from the next morning',
      berlin,
      '2025-06-04T17:00+02:00',
      4,
      '2025-06-05T13:00+02:00',
    ],
    ['exactly at 09:00', berlin, '2025-06-04T09:00+02:00', 4, '2025-06-04T13:00+02:00'],
    [
      'ends exactly at 17:00, not the next morning',
      berlin,
      '2025-06-04T09:00+02:00',
      8,
      '2025-06-04T17:00+02:00',
    ],
    ['Saturday counts from Monday 09:00', berlin, '2025-06-07T10:00+02:00', 4, '2025-06-09T13:00+02:00'],
    ['Sunday 23:59 counts from Monday 09:00', berlin, '2025-06-08T23:59+02:00', 4, '2025-06-09T13:00+02:00'],
    ['24 working hours are 3 working days', berlin, '2025-06-02T09:00+02:00', 24, '2025-06-04T17:00+02:00'],
    ['24 working hours over a weekend', berlin, '2025-06-04T12:00+02:00', 24, '2025-06-09T12:00+02:00'],
    [
      'zero duration outside hours is the next start',
      berlin,
      '2025-06-07T10:00+02:00',
      0,
      '2025-06-09T09:00+02:00',
    ],
    [
      'zero duration inside hours is the start',
      berlin,
      '2025-06-04T10:00+02:00',
      0,
      '2025-06-04T10:00+02:00',
    ],
    [
      'split shift: across lunch',
      calendar('Europe/Berlin', SPLIT),
      '2025-06-04T11:00+02:00',
      2,
      '2025-06-04T14:00+02:00',
    ],
    [
      'split shift: starting at lunch',
      calendar('Europe/Berlin', SPLIT),
      '2025-06-04T12:30+02:00',
      1,
      '2025-06-04T14:00+02:00',
    ],
    [
      'split shift: into the next day',
      calendar('Europe/Berlin', SPLIT),
      '2025-06-04T16:00+02:00',
      3,
      '2025-06-05T10:00+02:00',
    ],
    ['Asia/Kolkata', calendar('Asia/Kolkata'), '2025-06-06T16:00+05:30', 4, '2025-06-09T12:00+05:30'],
    ['Pacific/Chatham', calendar('Pacific/Chatham'), '2025-06-06T16:00+12:45', 4, '2025-06-09T12:00+12:45'],
    [
      'Australia/Lord_Howe',
      calendar('Australia/Lord_Howe'),
      '2025-06-06T16:00+10:30',
      4,
      '2025-06-09T12:00+10:30',
    ],
    ['America/New_York', calendar('America/New_York'), '2025-06-06T16:00-04:00', 4, '2025-06-09T12:00-04:00'],
    [
      'a Berlin calendar read from a New York instant',
      berlin,
      '2025-06-06T10:00-04:00',
      4,
      '2025-06-09T12:00+02:00',
    ],
  ])('%s', (_, cal, start, hours, expected) => {
    expect(utc(addWorkingTime(at(start), hours * HOUR_MS, cal))).toBe(utc(at(expected)));
  });
});

describe('workingTimeBetween, isWorkingTime, nextWorkingStart', () => {
  it('measures working time in [from, to)', () => {
    expect(workingTimeBetween(at('2025-06-06T16:00+02:00'), at('2025-06-09T12:00+02:00'), berlin)).toBe(
      4 * HOUR_MS,
    );
    expect(workingTimeBetween(at('2025-06-09T00:00+02:00'), at('2025-06-16T00:00+02:00'), berlin)).toBe(
      40 * HOUR_MS,
    );
    const holiday = calendar('Europe/Berlin', undefined, ['2025-06-09']);
    expect(workingTimeBetween(at('2025-06-09T00:00+02:00'), at('2025-06-16T00:00+02:00'), holiday)).toBe(
      32 * HOUR_MS,
    );
    expect(workingTimeBetween(at('2025-06-09T12:00+02:00'), at('2025-06-09T10:00+02:00'), berlin)).toBe(0);
  });

  it.each([
    ['2025-06-04T09:00+02:00', true],
    ['2025-06-04T16:59:59.999+02:00', true],
    ['2025-06-04T17:00+02:00', false],
    ['2025-06-04T08:59:59.999+02:00', false],
    ['2025-06-07T12:00+02:00', false],
  ])('isWorkingTime(%s) is %s', (instant, expected) => {
    expect(isWorkingTime(at(instant), berlin)).toBe(expected);
    expect(isWorkingTime(at(instant), calendar('Europe/Berlin', undefined, ['2025-06-04']))).toBe(false);
  });

  it.each([
    ['before hours', berlin, '2025-06-04T08:00+02:00', '2025-06-04T09:00+02:00'],
    ['at the start', berlin, '2025-06-04T09:00+02:00', '2025-06-04T09:00+02:00'],
    ['inside hours: the next start', berlin, '2025-06-04T10:00+02:00', '2025-06-05T09:00+02:00'],
    ['Friday evening', berlin, '2025-06-06T17:00+02:00', '2025-06-09T09:00+02:00'],
    [
      'split shift lunch',
      calendar('Europe/Berlin', SPLIT),
      '2025-06-04T12:30+02:00',
      '2025-06-04T13:00+02:00',
    ],
    [
      'a night shift is not restarted at midnight',
      calendar('Europe/Berlin', everyDay({ start: '00:00', end: '06:00' }, { start: '22:00', end: '24:00' })),
      '2025-06-04T23:00+02:00',
      '2025-06-05T22:00+02:00',
    ],
  ])('nextWorkingStart: %s', (_, cal, from, expected) => {
    expect(utc(nextWorkingStart(at(from), cal))).toBe(utc(at(expected)));
  });
});

describe('calendars without working time', () => {
  const start = at('2025-06-04T10:00+02:00');
  const mondaysOff: string[] = [];
  for (let day = 0; day < 4 * 53; day++)
    mondaysOff.push(new Date(at('2025-06-09') + day * 7 * 864e5).toISOString().slice(0, 10));
  it.each([
    ['no hours on any day', calendar('Europe/Berlin', NO_HOURS)],
    [
      'every working day a holiday for four years',
      calendar('UTC', { ...NO_HOURS, 1: DEFAULT_WORKING_HOURS[1] }, mondaysOff),
    ],
  ])('%s: a clear error, quickly', (_, cal) => {
    expect(() => nextWorkingStart(start, cal)).toThrow('the working calendar has no working hours');
    expect(addWorkingTimeOrNull(start, HOUR_MS, cal)).toBeNull();
    expect(nextWorkingStartOrNull(start, cal)).toBeNull();
    expect(workingTimeBetween(start, start + 400 * 864e5, cal)).toBe(0);
    expect(isWorkingTime(start, cal)).toBe(false);
  });

  it('answers null when working time exists but is too sparse for the duration', () => {
    const sparse = calendar('UTC', { ...NO_HOURS, 3: [{ start: '09:00', end: '09:01' }] });
    expect(addWorkingTimeOrNull(start, 720 * HOUR_MS, sparse)).toBeNull();
  });

  it('rejects a negative or non-finite duration', () => {
    expect(() => addWorkingTimeOrNull(start, -1, berlin)).toThrow(RangeError);
    expect(() => addWorkingTimeOrNull(start, Number.POSITIVE_INFINITY, berlin)).toThrow(RangeError);
    expect(() => addWorkingTimeOrNull(Number.NaN, HOUR_MS, berlin)).toThrow(RangeError);
  });
});

describe('workingCalendarSchema', () => {
  const valid = { zone: 'Europe/Berlin', hours: DEFAULT_WORKING_HOURS, holidays: ['2025-12-25'] };
  it('accepts the default hours, split shifts, adjacent intervals and 24:00', () => {
    expect(workingCalendarSchema.safeParse(valid).success).toBe(true);
    const hours = weekdays({ start: '13:00', end: '24:00' }, { start: '08:00', end: '13:00' });
    expect(workingCalendarSchema.safeParse({ ...valid, hours }).success).toBe(true);
  });

  it.each([
    ['a malformed time', { hours: weekdays({ start: '9:00', end: '17:00' }) }, 'hours.1.0.start'],
    ['a start at 24:00', { hours: weekdays({ start: '24:00', end: '24:00' }) }, 'hours.1.0.start'],
    ['an end before the start', { hours: weekdays({ start: '17:00', end: '09:00' }) }, 'hours.1.0.end'],
    [
      'overlapping intervals',
      { hours: weekdays({ start: '09:00', end: '13:00' }, { start: '12:00', end: '17:00' }) },
      'hours.1',
    ],
    ['a week without working hours', { hours: NO_HOURS }, 'hours'],
    ['a missing weekday', { hours: { ...DEFAULT_WORKING_HOURS, 7: undefined } }, 'hours.7'],
    ['an unknown zone', { zone: 'Europe/Atlantis' }, 'zone'],
    ['an impossible holiday', { holidays: ['2025-02-29'] }, 'holidays.0'],
  ])('rejects %s', (_, patch, path) => {
    const result = workingCalendarSchema.safeParse({ ...valid, ...patch });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('parses to the WorkingCalendar type', () => {
    expectTypeOf<z.output<typeof workingCalendarSchema>>().toExtend<WorkingCalendar>();
  });
});
