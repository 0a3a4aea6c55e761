/** What crosses the contract about focus: requests to change it and the status the core reports. */
import { z } from 'zod';
import { instantSchema } from './instant';

export const FOCUS_CAUSES = ['manual', 'schedule'] as const;

/** Named ends for a focus session, resolved by the core against the schedule and working hours. */
export const FOCUS_UNTIL_NAMES = ['block-end', 'working-start'] as const;

/**
 * `{active:true}` on until turned off; `minutes` for a timed session; `until` an instant, or
 * `"block-end"` (the running block's end) or `"working-start"` (tomorrow's working-hours start).
 * `{active:false}` turns focus off; during a scheduled block that means skipping the rest of it.
 */
export const focusSetSchema = z.discriminatedUnion('active', [
  z
    .strictObject({
      active: z.literal(true),
      minutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .optional(),
      until: z.union([z.enum(FOCUS_UNTIL_NAMES), instantSchema]).optional(),
    })
    .refine((r) => r.minutes === undefined || r.until === undefined, {
      message: 'give minutes or until, not both',
      path: ['until'],
    }),
  z.strictObject({ active: z.literal(false) }),
]);
export type FocusSet = z.output<typeof focusSetSchema>;
export type FocusSetInput = z.input<typeof focusSetSchema>;

export const focusStatusSchema = z.object({
  active: z.boolean(),
  cause: z.enum(FOCUS_CAUSES).nullable(),
  /** The rules behind a scheduled block, e.g. "Deep work". */
  ruleName: z.string().nullable(),
  since: z.number().nullable(),
  /** While active: when focus ends; null means until turned off. */
  until: z.number().nullable(),
  /** The next instant focus turns on or off by itself. */
  nextChangeAt: z.number().nullable(),
  /** True while the user skips a scheduled block. */
  skipping: z.boolean(),
  nextBlock: z.object({ start: z.number(), end: z.number(), name: z.string() }).nullable(),
});
export type FocusStatus = z.output<typeof focusStatusSchema>;
