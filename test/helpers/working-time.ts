import { addWorkingTimeOrNull, type WorkingCalendar } from '../../src/shared/working-time';

/** For tests whose calendars always have the time: addWorkingTimeOrNull, failing loudly on null. */
export function addWorkingTime(startAt: number, durationMs: number, calendar: WorkingCalendar): number {
  const at = addWorkingTimeOrNull(startAt, durationMs, calendar);
  if (at === null) throw new Error(`${durationMs} ms of working time do not fit after ${startAt}`);
  return at;
}
