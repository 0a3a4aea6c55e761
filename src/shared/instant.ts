import { z } from 'zod';

/** ISO 8601 with an offset or `Z`, or epoch milliseconds. */
export const instantSchema = z
  .union([
    z.number().int().min(0).max(8.64e15),
    z.iso.datetime({ offset: true, message: 'must be ISO 8601 with a time zone, or epoch milliseconds' }),
  ])
  .transform((value) => (typeof value === 'number' ? value : Date.parse(value)));
