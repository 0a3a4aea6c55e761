/**
 * Local wall-clock times in an IANA zone turned into instants, with one explicit DST policy
 * (DESIGN.md "Time"): a time in a spring-forward gap resolves to the gap's end, a time that occurs
 * twice around a fall-back resolves to the earlier instant. luxon's own `DateTime.fromObject` is not
 * used because it picks the earlier or the later reading depending on the zone, and shifts gap times
 * by the gap's length instead of to its end.
 *
 * Dates are handled as day numbers (days since 1970-01-01) and local times as "local ms": ms since the
 * epoch as if the zone were UTC. Pure; a memo of per-day offsets only makes repeated calls cheap.
 */
import { IANAZone } from 'luxon';
import { MINUTE_MS } from './channels';

export const DAY_MS = 86_400_000;
/** `HH:mm` from 00:00 to 23:59, or `24:00` for the next midnight. */
export const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$|^(24):(00)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  return era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
}

/** The day number of `YYYY-MM-DD`; throws a RangeError for anything else, e.g. 2025-02-29. */
export function parseLocalDate(iso: string): number {
  const m = DATE.exec(iso);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const n = dayNumber(y, mo, d);
  if (!m || mo < 1 || mo > 12 || d < 1 || n >= dayNumber(mo === 12 ? y + 1 : y, (mo % 12) + 1, 1)) {
    throw new RangeError(`not a date YYYY-MM-DD: ${iso}`);
  }
  return n;
}

/** 1 = Monday … 7 = Sunday (luxon's numbering) for a day number; day 0, 1970-01-01, was a Thursday. */
export const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** Minutes after midnight for `HH:mm` (1440 for `24:00`); throws a RangeError for anything else. */
export function parseLocalTime(time: string): number {
  const m = LOCAL_TIME_PATTERN.exec(time);
  if (!m) throw new RangeError(`not a time HH:mm: ${time}`);
  return Number(m[1] ?? m[3]) * 60 + Number(m[2] ?? m[4]);
}

export function ianaZone(name: string): IANAZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new RangeError(`not an IANA time zone: ${name}`);
  return zone;
}

const offsetMs = (zone: IANAZone, at: number) => Math.round(zone.offset(at) * MINUTE_MS);

/** The instant of a local time given in local ms. */
function resolveLocalMs(local: number, zone: IANAZone): number {
  const before = offsetMs(zone, local - DAY_MS);
  const after = offsetMs(zone, local + DAY_MS);
  // Offsets differ by less than a day, so the instant lies between these samples: keep the readings
  // that round-trip to the same wall-clock time and prefer the earliest (fall-back: first occurrence).
  const candidates = [local - before, local - after].filter((at) => at + offsetMs(zone, at) === local);
  if (candidates.length > 0) return Math.min(...candidates);
  // Spring-forward gap: the answer is the transition, which lies between the two readings.
  let lo = local - after;
  let hi = local - before;
  if (!(lo < hi)) throw new Error(`cannot resolve a local time in ${zone.name}`);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetMs(zone, mid) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The instant (epoch ms) of a local date and time `HH:mm` (or `24:00`, the next midnight) in an IANA
 * zone. A time in a spring-forward gap resolves to the gap's end (New York 2025-03-09 02:30 → 03:00
 * EDT); one that occurs twice resolves to the earlier instant (2025-11-02 01:30 → 01:30 EDT).
 * Throws a RangeError for a malformed date, time or zone.
 */
export function resolveLocalTime(dateISO: string, time: string, zone: string): number {
  return resolveOnDay(ianaZone(zone), parseLocalDate(dateISO), parseLocalTime(time));
}

const MAX_MEMO_DAYS = 50_000;
const dayOffsets = new Map<string, Map<number, number | null>>();

/** The zone's offset valid for the whole local day, or null when a transition lies near it. */
function uniformDayOffset(zone: IANAZone, day: number): number | null {
  const byDay = dayOffsets.get(zone.name) ?? new Map<number, number | null>();
  if (byDay.size === 0) dayOffsets.set(zone.name, byDay);
  const known = byDay.get(day);
  if (known !== undefined) return known;
  // Every local time of the day maps to an instant within these samples (offsets span −12 h…+14 h).
  const local = day * DAY_MS;
  const a = offsetMs(zone, local - DAY_MS);
  const b = offsetMs(zone, local + DAY_MS / 2);
  const c = offsetMs(zone, local + 2 * DAY_MS);
  const offset = a === b && b === c ? a : null;
  if (byDay.size >= MAX_MEMO_DAYS) byDay.clear();
  byDay.set(day, offset);
  return offset;
}

/** resolveLocalTime for a day number and minutes after midnight; cheap away from DST transitions. */
export function resolveOnDay(zone: IANAZone, day: number, minutes: number): number {
  const local = day * DAY_MS + minutes * MINUTE_MS;
  const offset = uniformDayOffset(zone, day);
  return offset === null ? resolveLocalMs(local, zone) : local - offset;
}
