/**
 * Snooze times. Pure: `now` and the working calendar are arguments.
 */
import { DateTime, type IANAZone } from 'luxon';
import { HOUR_MS, MINUTE_MS } from './channels';
import { DAY_MS, ianaZone, parseLocalDate, parseLocalTime, resolveOnDay, weekdayOf } from './local-time';
import type { Settings } from './settings-schema';
import {
  addWorkingTimeOrNull,
  nextWorkingStartOrNull,
  tomorrowWorkingStartOrNull,
  type WorkingCalendar,
} from './working-time';

/** The user's working calendar: the settings' zone when one is chosen, else the system's. */
export function userCalendar(
  settings: Pick<Settings, 'timeZone' | 'workingHours' | 'holidays'>,
  systemZone: string,
): WorkingCalendar {
  return { zone: settings.timeZone ?? systemZone, hours: settings.workingHours, holidays: settings.holidays };
}

/**
 * "Tomorrow morning": when the next working day starts (Friday evening → Monday 09:00). With no working
 * hours at all, 09:00 tomorrow in the calendar's zone.
 */
export function tomorrowMorning(now: number, calendar: WorkingCalendar): number {
  return (
    tomorrowWorkingStartOrNull(now, calendar) ??
    DateTime.fromMillis(now, { zone: calendar.zone })
      .plus({ days: 1 })
      .set({ hour: 9, minute: 0, second: 0, millisecond: 0 })
      .toMillis()
  );
}

const LATER_TODAY_MS = 3 * HOUR_MS;
/** Where the wall-clock fallback puts "tomorrow morning" and "next week": 09:00 local. */
const FALLBACK_START_MIN = 9 * 60;

export interface SnoozeChoices {
  /** Three working hours from now, or null (the UI hides it) when that is no longer today. */
  laterToday: number | null;
  tomorrowMorning: number;
  /** The start of the first working day of the next ISO week (Monday 09:00 by default). */
  nextWeek: number;
}

/** The local day number (days since 1970-01-01) of an instant in a zone. */
const localDay = (at: number, zone: IANAZone) => Math.floor((at + zone.offset(at) * MINUTE_MS) / DAY_MS);

/**
 * The instants behind the snooze menu's quick choices, read in the calendar's zone. "Later today" counts
 * working time, so 15:00 on a 09:00–17:00 Friday has none left today; "next week" skips holidays. With no
 * working hours at all every choice falls back to the wall clock: +3 h while still today, 09:00 tomorrow,
 * next Monday 09:00.
 */
export function snoozeChoices(now: number, calendar: WorkingCalendar): SnoozeChoices {
  const zone = ianaZone(calendar.zone);
  const today = localDay(now, zone);
  const nextMonday = today + 8 - weekdayOf(today);
  const works = nextWorkingStartOrNull(now, calendar) !== null;
  const later = works ? addWorkingTimeOrNull(now, LATER_TODAY_MS, calendar) : now + LATER_TODAY_MS;
  return {
    laterToday: later !== null && localDay(later, zone) === today ? later : null,
    tomorrowMorning: tomorrowMorning(now, calendar),
    nextWeek:
      (works ? nextWorkingStartOrNull(resolveOnDay(zone, nextMonday, 0), calendar) : null) ??
      resolveOnDay(zone, nextMonday, FALLBACK_START_MIN),
  };
}

export type CustomSnooze = { ok: true; at: number } | { ok: false; error: string };

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/;

/**
 * A custom snooze time from a `datetime-local` field (`YYYY-MM-DDTHH:mm`, read in `zone`), or why not in
 * words. DST policy as everywhere else (local-time.ts): a time in a spring-forward gap, which the clock
 * never shows, resolves forward to the gap's end (New York 2026-03-08 02:30 → 03:00 EDT); a time shown
 * twice around a fall-back resolves to the earlier instant. A time at or before `now` is refused.
 */
export function parseCustomSnooze(localDateTime: string, zone: string, now: number): CustomSnooze {
  const m = LOCAL_DATE_TIME.exec(localDateTime.trim());
  if (!m) return { ok: false, error: 'Enter a date and time, like 2026-03-09T14:30.' };
  let day: number;
  let minutes: number;
  try {
    day = parseLocalDate(m[1]!);
    minutes = parseLocalTime(m[2]!);
  } catch {
    return { ok: false, error: `${localDateTime} is not a real date and time.` };
  }
  if (minutes >= 24 * 60) return { ok: false, error: `${localDateTime} is not a real date and time.` };
  let resolvedZone: IANAZone;
  try {
    resolvedZone = ianaZone(zone);
  } catch {
    return { ok: false, error: `${zone} is not a time zone.` };
  }
  const at = resolveOnDay(resolvedZone, day, minutes);
  if (at <= now) return { ok: false, error: 'That time has already passed; pick one in the future.' };
  return { ok: true, at };
}
