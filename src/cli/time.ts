import { DateTime } from 'luxon';
import { calendarDaysBetween, formatInstant, type TimeContext } from '../shared/due-format';
import { LOCAL_TIME_PATTERN, resolveLocalTime } from '../shared/local-time';
import { type CliIo, systemZone, usageError } from './io';

export const MAX_FOCUS_MINUTES = 24 * 60;

export function timeContext(io: CliIo): TimeContext {
  return { now: io.now(), zone: systemZone(io), locale: io.locale ?? 'en-GB' };
}

/** The API speaks ISO 8601; future endpoints may send epoch milliseconds. */
export function toMillis(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
  }
  return null;
}

/** "14:00" today, "Mon 12:00" this week, "3 Dec, 09:00" beyond. */
export const clock = (at: number, ctx: TimeContext) => formatInstant(at, ctx);

/** Like clock, but "today 14:00": a bare time after "due" reads like a duration. */
export function day(at: number, ctx: TimeContext): string {
  const text = formatInstant(at, ctx);
  return calendarDaysBetween(ctx.now, at, ctx.zone) === 0 ? `today ${text}` : text;
}

/** `45m`, `1h30m`, `1h30`, `2h` or plain minutes `90`. */
export function parseDuration(text: string): number {
  const match = /^(?:(\d+)h)?(?:(\d+)(?:m|min)?)?$/i.exec(text.trim());
  const minutes =
    match && text.trim() !== '' ? Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) : Number.NaN;
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_FOCUS_MINUTES) {
    throw usageError(`"${text}" is not a focus length: use minutes (90), 45m, 1h30m or 2h, up to 24h`);
  }
  return minutes;
}

/** `HH:mm` in the machine's zone: today, or tomorrow if that time has passed. ISO with the local offset. */
export function untilLocalTime(text: string, io: CliIo): string {
  const padded = /^\d:\d\d$/.test(text) ? `0${text}` : text;
  if (!LOCAL_TIME_PATTERN.test(padded) || padded === '24:00') {
    throw usageError(`"${text}" is not a time of day: use HH:mm, e.g. 14:00`);
  }
  const zone = systemZone(io);
  const now = io.now();
  const today = DateTime.fromMillis(now, { zone });
  let at = resolveLocalTime(today.toISODate()!, padded, zone);
  if (at <= now) at = resolveLocalTime(today.plus({ days: 1 }).toISODate()!, padded, zone);
  return DateTime.fromMillis(at, { zone }).toISO({ suppressMilliseconds: true })!;
}
