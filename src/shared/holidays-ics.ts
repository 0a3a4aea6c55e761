/**
 * Holidays from an iCalendar (.ics, RFC 5545) feed, e.g. a public-holiday calendar exported from
 * Google or Outlook. Only what a working calendar needs is read: each VEVENT's DTSTART, and DTEND
 * (exclusive) or DURATION for all-day events spanning several days. Everything else — alarms, time-zone
 * definitions, recurrence rules (RRULE, only the first occurrence counts) — is ignored.
 *
 * An all-day event (DTSTART;VALUE=DATE:20251225) gives its dates as written. An event with a time gives
 * the local date of its start in the calendar's zone: UTC (`…Z`) and IANA `TZID`s are converted; floating
 * times and TZIDs that are not IANA names (Outlook's "W. Europe Standard Time") are taken as written.
 */
import { DateTime, IANAZone } from 'luxon';
import { ianaZone, resolveLocalTime } from './local-time';

export interface IcsHolidays {
  /** Local dates `YYYY-MM-DD`, sorted, without duplicates. */
  readonly dates: string[];
  /** VEVENTs that gave no date: no or malformed DTSTART, cancelled, or longer than a year. */
  readonly skipped: number;
}

const MAX_EVENT_DAYS = 366;
const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME_VALUE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;
const PROPERTY = /^((?:[^:"]|"[^"]*")*):(.*)$/s;
const DAYS_DURATION = /^\+?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/;

interface Property {
  readonly value: string;
  readonly params: ReadonlyMap<string, string>;
}

/** `NAME;PARAM=a;PARAM="b:c":value` → name, params, value; a colon inside quotes is not the separator. */
function parseProperty(line: string): [string, Property] | null {
  const match = PROPERTY.exec(line);
  if (!match) return null;
  const [name = '', ...rawParams] = match[1]?.match(/(?:[^;"]|"[^"]*")+/g) ?? [];
  const params = new Map<string, string>();
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    if (eq > 0) params.set(param.slice(0, eq).toUpperCase(), param.slice(eq + 1).replace(/^"|"$/g, ''));
  }
  return [name.toUpperCase(), { value: (match[2] ?? '').trim(), params }];
}

/** A UTC DateTime from the numeric groups of a DATE or DATE-TIME match, or null when out of range. */
function utcDateTime(match: RegExpExecArray): DateTime | null {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map(Number);
  const at = DateTime.fromObject(
    { year, month, day, hour, minute, second: Math.min(second, 59) },
    { zone: 'utc' },
  );
  return at.isValid ? at : null;
}

/** The local dates an event covers, or null when it gives none. */
function eventDates(props: ReadonlyMap<string, Property>, zone: string): string[] | null {
  const start = props.get('DTSTART');
  if (!start || props.get('STATUS')?.value.toUpperCase() === 'CANCELLED') return null;
  const date = DATE_VALUE.exec(start.value);
  const dateTime = DATE_TIME_VALUE.exec(start.value);
  const first = date ? utcDateTime(date) : dateTime ? utcDateTime(dateTime) : null;
  if (!first) return null;
  if (date) {
    const days = eventLength(first, props);
    if (days > MAX_EVENT_DAYS) return null;
    return Array.from({ length: days }, (_, i) => first.plus({ days: i }).toISODate()!);
  }
  if (start.params.get('VALUE')?.toUpperCase() === 'DATE') return null;
  const tzid = start.params.get('TZID');
  const source = dateTime?.[7] ? 'UTC' : tzid && IANAZone.isValidZone(tzid) ? tzid : null;
  if (!source) return [first.toISODate()!];
  const at = resolveLocalTime(first.toISODate()!, first.toFormat('HH:mm'), source) + first.second * 1000;
  return [DateTime.fromMillis(at, { zone }).toISODate()!];
}

/** Days covered by an all-day event: DTEND is exclusive; DURATION counts whole days; at least one. */
function eventLength(first: DateTime, props: ReadonlyMap<string, Property>): number {
  const end = DATE_VALUE.exec(props.get('DTEND')?.value ?? '');
  const endDate = end ? utcDateTime(end) : null;
  if (endDate) return Math.max(1, Math.round(endDate.diff(first, 'days').days));
  const duration = DAYS_DURATION.exec(props.get('DURATION')?.value ?? '');
  if (duration) return Math.max(1, Number(duration[1] ?? 0) * 7 + Number(duration[2] ?? 0));
  return 1;
}

/** Holiday dates from .ics text, as local dates in `zone` (an IANA zone; throws a RangeError otherwise). */
export function parseHolidaysIcs(text: string, zone: string): IcsHolidays {
  ianaZone(zone);
  const dates = new Set<string>();
  let skipped = 0;
  const stack: string[] = [];
  let event: Map<string, Property> | null = null;
  // RFC 5545 §3.1: a line break followed by one space or tab continues the previous line.
  for (const line of text.replace(/\r?\n[ \t]/g, '').split(/\r?\n|\r/)) {
    const parsed = parseProperty(line);
    if (!parsed) continue;
    const [name, prop] = parsed;
    const component = prop.value.toUpperCase();
    if (name === 'BEGIN') {
      stack.push(component);
      if (component === 'VEVENT') event = new Map();
    } else if (name === 'END') {
      const at = stack.lastIndexOf(component);
      if (at >= 0) stack.length = at;
      if (component === 'VEVENT' && event) {
        const found = eventDates(event, zone);
        if (found) for (const date of found) dates.add(date);
        else skipped++;
        event = null;
      }
    } else if (event && stack.at(-1) === 'VEVENT' && !event.has(name)) {
      event.set(name, prop);
    }
  }
  if (event) skipped++; // a VEVENT the text never closed
  return { dates: [...dates].sort(), skipped };
}
