import { z } from 'zod';

/**
 * The instants Lull takes in: the years 2000 to 2200. Far enough either way for any real reply
 * deadline, and every date computed from one (a deadline days later, in working time) stays a date.
 */
export const MIN_INSTANT = Date.UTC(2000, 0, 1);
export const MAX_INSTANT = Date.UTC(2201, 0, 1) - 1;
export const INSTANT_RANGE_MESSAGE = 'must be a time in the years 2000 to 2200';

const inRange = (at: number) => at >= MIN_INSTANT && at <= MAX_INSTANT;

/** Epoch milliseconds in the years 2000 to 2200 (the renderer's snooze and deadline times). */
export const epochMsSchema = z
  .number()
  .int()
  .min(MIN_INSTANT, INSTANT_RANGE_MESSAGE)
  .max(MAX_INSTANT, INSTANT_RANGE_MESSAGE);

/** ISO 8601 with an offset or `Z`, or epoch milliseconds; in the years 2000 to 2200. */
export const instantSchema = z
  .union([
    epochMsSchema,
    z.iso.datetime({ offset: true, message: 'must be ISO 8601 with a time zone, or epoch milliseconds' }),
  ])
  .transform((value) => (typeof value === 'number' ? value : Date.parse(value)))
  .refine(inRange, INSTANT_RANGE_MESSAGE);
