/**
 * The working-time form: time zone, hours per weekday and holidays, and its round trip to what
 * `settings:save-working-time` takes. `workingHoursSchema` decides which hours are valid, so the form
 * and the core refuse the same week; this file puts the refusals into sentences next to the right field.
 *
 * A time input cannot show `24:00`, so an end of `00:00` in the form means midnight at the end of the day.
 */
import { DateTime, IANAZone } from 'luxon';
import { parseHolidaysIcs } from '../../../shared/holidays-ics';
import type { Settings } from '../../../shared/settings-schema';
import { WEEKDAYS, type Weekday, workingHoursSchema } from '../../../shared/working-time';
import { WEEKDAY_NAMES } from '../focus/rule-format';

export interface IntervalForm {
  start: string;
  /** `00:00` is midnight, the end of the day. */
  end: string;
}

export interface DayForm {
  on: boolean;
  /** Kept while the day is off, so switching it back on restores its hours. */
  intervals: IntervalForm[];
}

export interface WorkingTimeFormState {
  useSystemZone: boolean;
  /** The zone as typed; kept while the system zone is used. */
  zone: string;
  days: Record<Weekday, DayForm>;
  /** `YYYY-MM-DD`, sorted, without duplicates. */
  holidays: string[];
}

export interface WorkingTimeValue {
  timeZone: string | null;
  workingHours: Settings['workingHours'];
  holidays: string[];
}

/** `zone`, `week`, `day-1`, `start-1-0`, `end-1-0`, `holidays`. */
export type WorkingTimeErrors = Record<string, string>;
export type WorkingTimeResult =
  | { ok: true; value: WorkingTimeValue }
  | { ok: false; errors: WorkingTimeErrors };

export const MAX_HOLIDAYS = 5000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const NEW_DAY: readonly IntervalForm[] = [{ start: '09:00', end: '17:00' }];

export const dayName = (day: Weekday): string => WEEKDAY_NAMES[day - 1]?.long ?? String(day);

export function workingTimeToForm(saved: WorkingTimeValue, systemZone: string): WorkingTimeFormState {
  const days = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const intervals = saved.workingHours[day];
      return [
        day,
        intervals.length > 0
          ? {
              on: true,
              intervals: intervals.map((i) => ({ start: i.start, end: i.end === '24:00' ? '00:00' : i.end })),
            }
          : { on: false, intervals: NEW_DAY.map((i) => ({ ...i })) },
      ];
    }),
  ) as Record<Weekday, DayForm>;
  return {
    useSystemZone: saved.timeZone === null,
    zone: saved.timeZone ?? systemZone,
    days,
    holidays: [...new Set(saved.holidays)].sort(),
  };
}

/** The zone holidays are read in and the form's hours count in: the typed one if valid, else the system's. */
export function effectiveZone(form: WorkingTimeFormState, systemZone: string): string {
  const zone = form.zone.trim();
  return !form.useSystemZone && IANAZone.isValidZone(zone) ? zone : systemZone;
}

function intervalMessage(day: Weekday, key: 'start' | 'end', value: string, message: string): string {
  const name = dayName(day);
  if (value === '') return `Enter when ${name}'s hours ${key === 'start' ? 'start' : 'end'}.`;
  if (message.includes('end after')) return `${name}: the hours must end after they start.`;
  return `${name}: enter a ${key} time like ${key === 'start' ? '09:00' : '17:00'}.`;
}

export function formToWorkingTime(form: WorkingTimeFormState): WorkingTimeResult {
  const errors: WorkingTimeErrors = {};
  const zone = form.zone.trim();
  if (!form.useSystemZone && zone === '') errors.zone = 'Enter a time zone, or use the system zone.';
  else if (!form.useSystemZone && !IANAZone.isValidZone(zone))
    errors.zone = `${zone} is not a time zone Lull knows. Choose one from the list, e.g. Europe/Berlin.`;

  const hours = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const { on, intervals } = form.days[day];
      return [
        day,
        on ? intervals.map((i) => ({ start: i.start, end: i.end === '00:00' ? '24:00' : i.end })) : [],
      ];
    }),
  );
  const parsed = workingHoursSchema.safeParse(hours);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const [dayKey, index, key] = issue.path;
    const day = Number(dayKey) as Weekday;
    if (dayKey === undefined) errors.week ??= 'Turn on at least one working day.';
    else if (typeof index === 'number' && (key === 'start' || key === 'end')) {
      const value = form.days[day].intervals[index]?.[key] ?? '';
      errors[`${key}-${day}-${index}`] ??= intervalMessage(day, key, value, issue.message);
    } else if (issue.code === 'too_big')
      errors[`day-${day}`] ??= `${dayName(day)}: at most 24 spans of hours.`;
    else
      errors[`day-${day}`] ??=
        `${dayName(day)}: the hours overlap. Make each span start after the last ends.`;
  }
  if (form.holidays.length > MAX_HOLIDAYS) errors.holidays = `At most ${MAX_HOLIDAYS} holidays.`;

  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return {
    ok: true,
    value: { timeZone: form.useSystemZone ? null : zone, workingHours: parsed.data, holidays: form.holidays },
  };
}

/** Error keys in the order their fields appear, so a failed save can focus the first. */
export function workingTimeFieldOrder(form: WorkingTimeFormState): string[] {
  const order = ['zone', 'week'];
  for (const day of WEEKDAYS) {
    for (let i = 0; i < form.days[day].intervals.length; i++)
      order.push(`start-${day}-${i}`, `end-${day}-${i}`);
    order.push(`day-${day}`);
  }
  order.push('holidays');
  return order;
}

export function sameWorkingTime(form: WorkingTimeFormState, saved: WorkingTimeValue): boolean {
  const result = formToWorkingTime(form);
  if (!result.ok) return false;
  const canonical = (v: WorkingTimeValue) =>
    JSON.stringify([v.timeZone, WEEKDAYS.map((d) => v.workingHours[d]), [...v.holidays].sort()]);
  return canonical(result.value) === canonical(saved);
}

const addMinutes = (time: string, minutes: number): string => {
  const total = Math.min(Number(time.slice(0, 2)) * 60 + Number(time.slice(3)) + minutes, 24 * 60);
  if (total >= 24 * 60) return '00:00';
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

/** Another span for a split day: an hour after the last one ends, four hours long (to midnight at most). */
export function nextInterval(intervals: readonly IntervalForm[]): IntervalForm {
  const lastEnd = intervals.at(-1)?.end;
  if (!lastEnd || !TIME.test(lastEnd) || lastEnd === '00:00' || lastEnd >= '23:00')
    return { start: '09:00', end: '17:00' };
  const start = addMinutes(lastEnd, 60);
  return { start, end: addMinutes(start, 240) };
}

// ---- holidays --------------------------------------------------------------------------------

/** "Thu, 25 Dec 2025": the date alone, read the same in every zone. */
export function formatHoliday(date: string, locale = 'en-GB'): string {
  const at = DateTime.fromISO(date, { zone: 'utc', locale });
  return at.isValid
    ? at.toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
    : date;
}

const isDate = (value: string) => DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid;

/** Adds one date to the sorted list, or says why not. */
export function addHoliday(
  holidays: readonly string[],
  date: string,
): { holidays: string[] } | { error: string } {
  const value = date.trim();
  if (value === '') return { error: 'Choose a date first.' };
  if (!isDate(value)) return { error: 'Enter a date like 2025-12-25.' };
  if (holidays.includes(value)) return { error: `${formatHoliday(value)} is already a holiday.` };
  if (holidays.length >= MAX_HOLIDAYS) return { error: `At most ${MAX_HOLIDAYS} holidays.` };
  return { holidays: [...holidays, value].sort() };
}

export function mergeHolidays(holidays: readonly string[], incoming: readonly string[]) {
  const merged = [...new Set([...holidays, ...incoming.filter(isDate)])].sort();
  return { holidays: merged, added: merged.length - new Set(holidays).size };
}

export type IcsImport =
  | { ok: true; holidays: string[]; added: number; found: number; skipped: number }
  | { ok: false; error: string };

/** Holidays from an .ics file merged into the list; a file that is not a calendar changes nothing. */
export function importHolidaysIcs(holidays: readonly string[], text: string, zone: string): IcsImport {
  if (!/^BEGIN:VCALENDAR\s*$/im.test(text)) {
    return { ok: false, error: 'This file is not an iCalendar (.ics) file. The holidays are unchanged.' };
  }
  const { dates, skipped } = parseHolidaysIcs(text, zone);
  if (dates.length === 0) {
    return { ok: false, error: 'This calendar holds no dated events. The holidays are unchanged.' };
  }
  const merged = mergeHolidays(holidays, dates);
  if (merged.holidays.length > MAX_HOLIDAYS) {
    return {
      ok: false,
      error: `That would make more than ${MAX_HOLIDAYS} holidays. The holidays are unchanged.`,
    };
  }
  return { ok: true, ...merged, found: dates.length, skipped };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Added 3 holidays (2 were already listed). 1 event without a date was skipped." */
export function importSummary(result: Extract<IcsImport, { ok: true }>): string {
  const known = result.found - result.added;
  const lead =
    result.added === 0
      ? `No new holidays: ${known === 1 ? 'the one date was' : `all ${known} dates were`} already listed.`
      : `Added ${plural(result.added, 'holiday', 'holidays')}${known > 0 ? ` (${known} already listed)` : ''}.`;
  const skipped =
    result.skipped > 0
      ? ` ${plural(result.skipped, 'event without a date was', 'events without a date were')} skipped.`
      : '';
  return `${lead}${skipped}${result.added > 0 ? ' Save to keep them.' : ''}`;
}

/** Every IANA zone the runtime knows, plus UTC and the current value, sorted. */
export function zoneChoices(supported: readonly string[], current: string): string[] {
  const zones = new Set(supported);
  zones.add('UTC');
  if (IANAZone.isValidZone(current)) zones.add(current);
  return [...zones].sort((a, b) => a.localeCompare(b));
}
