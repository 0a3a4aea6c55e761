/** The settings file's shape. The core owns the file; every version before this one has a migration. */
import { z } from 'zod';
import { CHANNELS, DEFAULT_CHARTER, WINDOW_CLOCKS } from './channels';
import { DEFAULT_DELIVERY_POLICY, deliveryPolicySchema } from './delivery';
import { focusRuleSchema } from './focus-schedule';
import { sourcesListSchema } from './source-schemas';
import { DEFAULT_WORKING_HOURS, workingHoursSchema } from './working-time';

export const replyWindowSchema = z.strictObject({
  hours: z
    .number()
    .min(0.25)
    .max(24 * 30),
  clock: z.enum(WINDOW_CLOCKS),
});

export const charterSchema = z.strictObject(
  Object.fromEntries(CHANNELS.map((channel) => [channel, replyWindowSchema])) as Record<
    (typeof CHANNELS)[number],
    typeof replyWindowSchema
  >,
);

export const SETTINGS_VERSION = 5;
export const MAX_FOCUS_RULES = 50;

export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  /** null follows the system zone. */
  timeZone: z.string().min(1).nullable(),
  charter: charterSchema,
  workingHours: workingHoursSchema,
  holidays: z.array(z.iso.date({ message: 'must be a date YYYY-MM-DD' })).max(5000),
  focusRules: z
    .array(focusRuleSchema)
    .max(MAX_FOCUS_RULES)
    .refine((rules) => new Set(rules.map((r) => r.id)).size === rules.length, 'rule ids must be unique'),
  /** An Electron accelerator for the global focus toggle; null disables it. */
  focusShortcut: z.string().min(1).max(64).nullable(),
  delivery: deliveryPolicySchema,
  /** Built-in connectors (RSS/Atom, GitHub, IMAP); their secrets live in the SecretStore. */
  sources: sourcesListSchema,
});
export type Settings = z.output<typeof settingsSchema>;

/** Ctrl+Shift+F on Windows and Linux, Cmd+Shift+F on macOS. */
export const DEFAULT_FOCUS_SHORTCUT = 'CommandOrControl+Shift+F';

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    timeZone: null,
    charter: { ...DEFAULT_CHARTER },
    // A copy: settings are plain mutable data, the default is shared and frozen by its type.
    workingHours: structuredClone(DEFAULT_WORKING_HOURS) as Settings['workingHours'],
    holidays: [],
    focusRules: [],
    focusShortcut: DEFAULT_FOCUS_SHORTCUT,
    delivery: structuredClone(DEFAULT_DELIVERY_POLICY),
    sources: [],
  };
}
