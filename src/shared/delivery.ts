/**
 * When held updates are delivered: the delivery policy, the next summary, and the charter check.
 * Pure: `now`, the working calendar and the focus state are arguments.
 */
import { z } from 'zod';
import { CHANNEL_LABELS, type Channel, type Charter, HOUR_MS, MINUTE_MS } from './channels';
import { aliasListSchema } from './contacts';
import { DAY_MS, ianaZone, parseLocalDate, parseLocalTime, resolveOnDay, weekdayOf } from './local-time';
import {
  isWorkingTime,
  nextWorkingStartOrNull,
  type WorkingCalendar,
  workingTimeBetween,
} from './working-time';

export const DELIVERY_MODES = ['summaries', 'interval', 'instant'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 13:00');

export const deliveryPolicySchema = z.strictObject({
  /** Summaries at set times on working days, every N minutes, or each update as it comes. */
  mode: z.enum(DELIVERY_MODES),
  summaryTimes: z
    .array(hhmm)
    .max(24)
    .transform((times) => [...new Set(times)].sort()),
  intervalMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  /** Outside working hours, hold everything non-urgent until the next working start. */
  afterHoursHold: z.boolean(),
  /** An item breaks through when, held, it would reach you with less than this left to reply. */
  marginMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** This many items from one sender within `repeatWithinMinutes` break through (repeated calls). */
  repeatCount: z.number().int().min(2).max(100),
  repeatWithinMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  /** Sender names or handles whose updates always break through; matched as identities (contacts.ts). */
  vips: z.array(z.string().trim().min(1).max(200)).max(500),
  /** Remind of open items this long before their deadline, during working hours. */
  atRiskReminders: z.boolean(),
  atRiskMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  /** Handles and addresses that belong to one person: repeats and VIPs count them as one sender. */
  aliases: aliasListSchema,
});
export type DeliveryPolicy = z.output<typeof deliveryPolicySchema>;

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  mode: 'summaries',
  summaryTimes: ['10:00', '13:00', '16:00'],
  intervalMinutes: 120,
  afterHoursHold: false,
  marginMinutes: 30,
  repeatCount: 3,
  repeatWithinMinutes: 10,
  vips: [],
  atRiskReminders: true,
  atRiskMinutes: 30,
  aliases: [],
};

/** How far ahead a summary is searched for: two weeks covers any run of holidays worth supporting. */
const SUMMARY_SEARCH_DAYS = 14;

const isWorkingDay = (calendar: WorkingCalendar, day: number, holidays: ReadonlySet<number>) =>
  calendar.hours[weekdayOf(day) as keyof WorkingCalendar['hours']].length > 0 && !holidays.has(day);

/** The next summary time strictly after `now`, on a working day in the calendar's zone, or null. */
export function nextSummaryAt(policy: DeliveryPolicy, calendar: WorkingCalendar, now: number): number | null {
  if (policy.summaryTimes.length === 0) return null;
  const zone = ianaZone(calendar.zone);
  const holidays = new Set(calendar.holidays.map(parseLocalDate));
  const minutes = policy.summaryTimes.map(parseLocalTime);
  const today = Math.floor((now + zone.offset(now) * MINUTE_MS) / DAY_MS);
  for (let day = today; day <= today + SUMMARY_SEARCH_DAYS; day++) {
    if (!isWorkingDay(calendar, day, holidays)) continue;
    for (const m of minutes) {
      const at = resolveOnDay(zone, day, m);
      if (at > now) return at;
    }
  }
  return null;
}

/** The next interval boundary after `now`, counted from local midnight so times stay round (10:00, 12:00). */
export function nextIntervalAt(policy: DeliveryPolicy, calendar: WorkingCalendar, now: number): number {
  const zone = ianaZone(calendar.zone);
  const day = Math.floor((now + zone.offset(now) * MINUTE_MS) / DAY_MS);
  for (let m = 0; ; m += policy.intervalMinutes) {
    const candidate = m >= 24 * 60 ? resolveOnDay(zone, day + 1, 0) : resolveOnDay(zone, day, m);
    if (candidate > now) return candidate;
  }
}

/**
 * The longest stretch of working time between two summaries, in hours: what a charter check compares
 * with reply windows. Measured over two working weeks from `from` so overnight and weekend gaps count
 * in working time only.
 */
export function longestSummaryGapHours(
  policy: DeliveryPolicy,
  calendar: WorkingCalendar,
  from: number,
): number | null {
  if (policy.mode === 'instant') return 0;
  if (policy.mode === 'interval') return policy.intervalMinutes / 60;
  let previous = nextSummaryAt(policy, calendar, from);
  if (previous === null) return null;
  let longest = 0;
  for (let i = 0; i < policy.summaryTimes.length * 10; i++) {
    const next = nextSummaryAt(policy, calendar, previous);
    if (next === null) break;
    longest = Math.max(longest, workingTimeBetween(previous, next, calendar));
    previous = next;
  }
  return longest / HOUR_MS;
}

export interface CharterWarning {
  channel: Channel;
  windowHours: number;
  neededEveryHours: number;
  text: string;
}

const hoursText = (h: number) => `${Number.isInteger(h) ? h : h.toFixed(1).replace(/\.0$/, '')} h`;

/**
 * Channels whose reply window is too short for the summary spacing: "chat replies within 4 h need a
 * summary at least every 3.5 h". The margin is the same one that lets at-risk items break through.
 */
export function charterWarnings(
  policy: DeliveryPolicy,
  charter: Charter,
  calendar: WorkingCalendar,
  now: number,
): CharterWarning[] {
  const gap = longestSummaryGapHours(policy, calendar, now);
  const warnings: CharterWarning[] = [];
  for (const [channel, window] of Object.entries(charter) as [Channel, Charter[Channel]][]) {
    const needed = window.hours - policy.marginMinutes / 60;
    if (gap !== null && gap <= needed) continue;
    const label = CHANNEL_LABELS[channel].toLowerCase();
    warnings.push({
      channel,
      windowHours: window.hours,
      neededEveryHours: Math.max(0, needed),
      text:
        gap === null
          ? `${label} replies within ${hoursText(window.hours)} need summaries, and none are scheduled`
          : `${label} replies within ${hoursText(window.hours)} need a summary at least every ${hoursText(Math.max(0, needed))}; summaries are up to ${hoursText(gap)} apart`,
    });
  }
  return warnings;
}

export interface HoldTarget {
  /** When a held item would be delivered; null when nothing is scheduled. */
  until: number | null;
  because: 'focus' | 'summary' | 'interval' | 'after-hours';
}

/**
 * Where a non-urgent item arriving now would wait, or null to deliver it at once. Focus always holds,
 * until it ends: `until` is null for an open-ended session, whose end nobody knows yet (summaries do
 * not release during focus).
 */
export function holdTarget(
  policy: DeliveryPolicy,
  focus: { active: boolean; until: number | null },
  calendar: WorkingCalendar,
  now: number,
): HoldTarget | null {
  if (focus.active) return { until: focus.until, because: 'focus' };
  if (policy.afterHoursHold && !isWorkingTime(now, calendar)) {
    return { until: nextWorkingStartOrNull(now, calendar), because: 'after-hours' };
  }
  if (policy.mode === 'summaries') return { until: nextSummaryAt(policy, calendar, now), because: 'summary' };
  if (policy.mode === 'interval')
    return { until: nextIntervalAt(policy, calendar, now), because: 'interval' };
  return null;
}
