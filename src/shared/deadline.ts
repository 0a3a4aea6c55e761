import { type Channel, type Charter, HOUR_MS, type Priority } from './channels';
import { addWorkingTimeOrNull, type WorkingCalendar } from './working-time';

export interface DeadlineInput {
  readonly receivedAt: number;
  readonly channel: Channel;
  readonly priority: Priority;
  readonly explicitDeadline?: number | undefined;
}

/**
 * The reply-by instant for an update.
 * An explicit deadline from the source wins. Urgent items are due the moment they arrive: the charter
 * treats escalations as real time. Otherwise the channel's reply window is added to the arrival time:
 * in working time (hours, zone, holidays) when the window says `clock: 'working'` and a calendar is
 * given, else in clock hours. A calendar without any working time within the search horizon (the
 * settings schema rejects an empty week) falls back to clock hours rather than failing the ingest.
 */
export function computeDeadline(input: DeadlineInput, charter: Charter, calendar?: WorkingCalendar): number {
  if (input.explicitDeadline !== undefined) return input.explicitDeadline;
  if (input.priority === 'urgent') return input.receivedAt;
  const window = charter[input.channel];
  const windowMs = Math.round(window.hours * HOUR_MS);
  const working =
    window.clock === 'working' && calendar
      ? addWorkingTimeOrNull(input.receivedAt, windowMs, calendar)
      : null;
  return working ?? input.receivedAt + windowMs;
}
