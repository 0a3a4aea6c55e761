/**
 * Working-time arithmetic for reply windows: "4 working hours after Friday 16:00" is Monday 12:00.
 * Hours are local wall-clock intervals per weekday in the calendar's IANA zone; holidays are local dates.
 *
 * DST policy (DESIGN.md "Time"): each working interval is turned into two instants, its start and its
 * end, with `resolveLocalTime`, and the working time inside it is the real time elapsed between them.
 * So 00:00–08:00 on a spring-forward day holds 7 h of work and on a fall-back day 9 h; a 09:00–17:00
 * day is unaffected by a 02:00 change. A local time in a spring-forward gap resolves to the gap's end;
 * a local time that occurs twice (fall-back) resolves to the earlier instant. An interval lying
 * entirely inside a gap holds no work.
 *
 * Pure: instants, durations and the zone are arguments. Two memo caches (compiled calendars per
 * calendar object, UTC offsets per zone and local day) only make repeated calls cheap; calendars are
 * treated as immutable.
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import {
  DAY_MS,
  ianaZone,
  LOCAL_TIME_PATTERN,
  parseLocalDate,
  parseLocalTime,
  resolveOnDay,
  weekdayOf,
} from './local-time';

export { resolveLocalTime } from './local-time';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
/** luxon's numbering: 1 = Monday … 7 = Sunday. */
export type Weekday = (typeof WEEKDAYS)[number];

/** A local wall-clock interval `HH:mm`–`HH:mm` within one day; `24:00` as the end means midnight. */
export interface WorkingInterval {
  readonly start: string;
  readonly end: string;
}
/** Working intervals per weekday; an empty list is a day off. Several intervals allow split shifts. */
export type WorkingHours = Readonly<Record<Weekday, readonly WorkingInterval[]>>;

export interface WorkingCalendar {
  /** IANA zone the hours and holidays are read in, e.g. `Europe/Berlin`. */
  readonly zone: string;
  readonly hours: WorkingHours;
  /** Local dates `YYYY-MM-DD` without working time. */
  readonly holidays: readonly string[];
}

const NINE_TO_FIVE: readonly WorkingInterval[] = [{ start: '09:00', end: '17:00' }];
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  1: NINE_TO_FIVE,
  2: NINE_TO_FIVE,
  3: NINE_TO_FIVE,
  4: NINE_TO_FIVE,
  5: NINE_TO_FIVE,
  6: [],
  7: [],
};

/** How far ahead (in local days) the search for working time goes before giving up. */
export const SEARCH_HORIZON_DAYS = 3 * 366;
export const NO_WORKING_HOURS_MESSAGE = 'the working calendar has no working hours';

const startTimeSchema = z
  .string()
  .regex(LOCAL_TIME_PATTERN, 'must be a time HH:mm')
  .refine((t) => t !== '24:00', 'must be a time HH:mm before 24:00');
export const workingIntervalSchema = z
  .strictObject({
    start: startTimeSchema,
    end: z.string().regex(LOCAL_TIME_PATTERN, 'must be a time HH:mm or 24:00'),
  })
  .refine((i) => i.end > i.start, { message: 'must end after it starts', path: ['end'] });

const noOverlap = (day: readonly WorkingInterval[]) =>
  [...day]
    .sort((a, b) => (a.start < b.start ? -1 : 1))
    .every((i, n, all) => n === 0 || all[n - 1]!.end <= i.start);
const workingDaySchema = z
  .array(workingIntervalSchema)
  .max(24)
  .refine(noOverlap, 'working intervals of a day must not overlap');

export const workingHoursSchema = z
  .strictObject({
    1: workingDaySchema,
    2: workingDaySchema,
    3: workingDaySchema,
    4: workingDaySchema,
    5: workingDaySchema,
    6: workingDaySchema,
    7: workingDaySchema,
  })
  .refine((hours) => WEEKDAYS.some((day) => hours[day].length > 0), 'the week needs some working hours');

export const workingCalendarSchema = z.strictObject({
  zone: z
    .string()
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone, e.g. Europe/Berlin'),
  hours: workingHoursSchema,
  holidays: z.array(z.iso.date({ message: 'must be a date YYYY-MM-DD' })).max(5000),
});

// ---- compiled calendars ----------------------------------------------------------------------

interface CompiledCalendar {
  readonly zone: IANAZone;
  /** Index 1–7: merged, sorted [startMinute, endMinute] pairs. */
  readonly days: readonly (readonly (readonly [number, number])[])[];
  readonly holidays: ReadonlySet<number>;
}

const compiled = new WeakMap<WorkingCalendar, CompiledCalendar>();

function compile(calendar: WorkingCalendar): CompiledCalendar {
  const cached = compiled.get(calendar);
  if (cached) return cached;
  const days = [[], ...WEEKDAYS.map((weekday) => mergeIntervals(calendar.hours[weekday] ?? []))];
  const result = {
    zone: ianaZone(calendar.zone),
    days,
    holidays: new Set(calendar.holidays.map(parseLocalDate)),
  };
  compiled.set(calendar, result);
  return result;
}

function mergeIntervals(intervals: readonly WorkingInterval[]): [number, number][] {
  const spans = intervals.map((i): [number, number] => [parseLocalTime(i.start), parseLocalTime(i.end)]);
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of spans) {
    if (end <= start) throw new RangeError(`working interval must end after it starts: ${start}–${end}`);
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Working intervals as [startAt, endAt) instants, in order, for local days firstDay…lastDay. */
function* intervals(cal: CompiledCalendar, firstDay: number, lastDay: number): Generator<[number, number]> {
  for (let day = firstDay; day <= lastDay; day++) {
    if (cal.holidays.has(day)) continue;
    for (const [startMin, endMin] of cal.days[weekdayOf(day)] ?? []) {
      const startAt = resolveOnDay(cal.zone, day, startMin);
      const endAt = resolveOnDay(cal.zone, day, endMin);
      if (endAt > startAt) yield [startAt, endAt];
    }
  }
}

// A local day never starts more than 14 h before or 12 h after its UTC namesake: start two days early.
const firstDayFor = (at: number) => Math.floor(at / DAY_MS) - 2;
const lastDayFor = (at: number) => Math.floor(at / DAY_MS) + 2;

function assertInstant(at: number, name: string): void {
  if (!Number.isFinite(at)) throw new RangeError(`${name} must be a finite number of epoch ms`);
}

// ---- public operations -----------------------------------------------------------------------

/**
 * The instant at which `durationMs` of working time has elapsed after `startAt`, or null when that
 * lies beyond SEARCH_HORIZON_DAYS (including calendars without any working time). Counting starts at
 * `startAt` if it is working time, else at the next working interval's start; a duration that ends
 * exactly at an interval's end returns that end. A zero duration returns the first working instant.
 */
export function addWorkingTimeOrNull(
  startAt: number,
  durationMs: number,
  calendar: WorkingCalendar,
): number | null {
  assertInstant(startAt, 'startAt');
  if (!(durationMs >= 0 && Number.isFinite(durationMs))) throw new RangeError('durationMs must be ≥ 0');
  const first = firstDayFor(startAt);
  let remaining = durationMs;
  for (const [s, e] of intervals(compile(calendar), first, first + SEARCH_HORIZON_DAYS)) {
    if (e <= startAt) continue;
    const from = Math.max(s, startAt);
    if (remaining <= e - from) return from + remaining;
    remaining -= e - from;
  }
  return null;
}

/** Milliseconds of working time in [fromAt, toAt); 0 when toAt ≤ fromAt. */
export function workingTimeBetween(fromAt: number, toAt: number, calendar: WorkingCalendar): number {
  assertInstant(fromAt, 'fromAt');
  assertInstant(toAt, 'toAt');
  let total = 0;
  if (toAt <= fromAt) return total;
  for (const [s, e] of intervals(compile(calendar), firstDayFor(fromAt), lastDayFor(toAt))) {
    if (s >= toAt) break;
    if (e > fromAt) total += Math.min(e, toAt) - Math.max(s, fromAt);
  }
  return total;
}

/** Whether `at` lies in a working interval (start inclusive, end exclusive). */
export function isWorkingTime(at: number, calendar: WorkingCalendar): boolean {
  assertInstant(at, 'at');
  for (const [s, e] of intervals(compile(calendar), firstDayFor(at), lastDayFor(at))) {
    if (s > at) return false;
    if (at < e) return true;
  }
  return false;
}

/**
 * The start of the next working interval at or after `at`: an instant where working time begins after
 * non-working time (a night shift running on past midnight does not start again at 00:00). Null when
 * none lies within SEARCH_HORIZON_DAYS.
 */
export function nextWorkingStartOrNull(at: number, calendar: WorkingCalendar): number | null {
  assertInstant(at, 'at');
  const first = firstDayFor(at);
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const [s, e] of intervals(compile(calendar), first, first + SEARCH_HORIZON_DAYS)) {
    if (s >= at && s !== previousEnd) return s;
    previousEnd = e;
  }
  return null;
}

/**
 * "Until tomorrow": the first working start on a later local day than `at`, or null. Shared by the
 * focus engine, which ends the session there, and the tray, which names the time in its menu.
 */
export function tomorrowWorkingStartOrNull(at: number, calendar: WorkingCalendar): number | null {
  assertInstant(at, 'at');
  const zone = ianaZone(calendar.zone);
  const today = Math.floor((at + zone.offset(at) * 60_000) / DAY_MS);
  return nextWorkingStartOrNull(resolveOnDay(zone, today + 1, 0), calendar);
}

/** As nextWorkingStartOrNull, but throws when there is none within SEARCH_HORIZON_DAYS. */
export function nextWorkingStart(at: number, calendar: WorkingCalendar): number {
  const start = nextWorkingStartOrNull(at, calendar);
  if (start === null) throw horizonError(at, calendar, 'working time never starts');
  return start;
}

function horizonError(at: number, calendar: WorkingCalendar, what: string): Error {
  const first = firstDayFor(at);
  for (const [, e] of intervals(compile(calendar), first, first + SEARCH_HORIZON_DAYS)) {
    if (e > at) return new Error(`${what} within ${SEARCH_HORIZON_DAYS} days of the working calendar`);
  }
  return new Error(NO_WORKING_HOURS_MESSAGE);
}
