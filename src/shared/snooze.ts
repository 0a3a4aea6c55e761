/**
 * Snooze times. Pure: `now` and the working calendar are arguments.
 */
import { DateTime } from 'luxon';
import type { Settings } from './settings-schema';
import { tomorrowWorkingStartOrNull, type WorkingCalendar } from './working-time';

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
