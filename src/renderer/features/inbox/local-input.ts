import { DateTime } from 'luxon';

/** An instant as a `datetime-local` field shows it in `zone`: `2026-03-09T14:30`. */
export function localInputValue(at: number, zone: string): string {
  return DateTime.fromMillis(at, { zone }).toFormat("yyyy-LL-dd'T'HH:mm");
}
