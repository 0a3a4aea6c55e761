/**
 * Focus schedules, evaluated as pure functions of (rules, override, now).
 *
 * Rules are stored as local wall-clock times plus an explicit IANA zone, never as UTC, and resolved
 * to instants per local day. DST policy (tested in focus-schedule.test.ts):
 * - a block whose start or end falls in a spring-forward gap starts (or ends) at the gap's end;
 * - a wall time that occurs twice in a fall-back hour means its first occurrence, so a block ending
 *   in that hour ends once, at the earlier instant;
 * - everything else is evaluated as instants: a block's length is real elapsed time.
 * Overlapping rules form one block (their union).
 */
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { MINUTE_MS } from './channels';
import { ianaZone, parseLocalTime, resolveOnDay, weekdayOf } from './local-time';

export { DAY_MS } from './local-time';

import { DAY_MS } from './local-time';
/** How far ahead a scheduled change is looked for; weekly rules always change within 8 days. */
export const HORIZON_MS = 15 * DAY_MS;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00');

export const focusRuleSchema = z
  .strictObject({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1, 'needs a name').max(80),
    kind: z.enum(['window', 'all-day']),
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'needs at least one day')
      .transform((days) => [...new Set(days)].sort()),
    start: hhmm,
    end: hhmm,
    zone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone'),
    enabled: z.boolean(),
  })
  .refine((rule) => rule.kind === 'all-day' || rule.start !== rule.end, {
    message: 'start and end must differ (use an all-day rule for whole days)',
    path: ['end'],
  });
export type FocusRule = z.output<typeof focusRuleSchema>;

export interface Occurrence {
  /** Rule id and start instant: the same occurrence always has the same id. */
  id: string;
  ruleId: string;
  ruleName: string;
  start: number;
  end: number;
}

export interface Block {
  start: number;
  end: number;
  occurrences: Occurrence[];
}

/** The local day number (days since 1970-01-01 on the zone's calendar) of an instant. */
function localDay(zone: IANAZone, at: number): number {
  return Math.floor((at + zone.offset(at) * MINUTE_MS) / DAY_MS);
}

/** Every occurrence of the enabled rules that overlaps [fromAt, toAt). */
export function occurrencesBetween(rules: readonly FocusRule[], fromAt: number, toAt: number): Occurrence[] {
  const result: Occurrence[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const zone = ianaZone(rule.zone);
    const allDay = rule.kind === 'all-day';
    const startMinutes = allDay ? 0 : parseLocalTime(rule.start);
    const endMinutes = allDay ? 0 : parseLocalTime(rule.end);
    const endsNextDay = allDay || endMinutes <= startMinutes;
    // Start a day early: a window that crosses midnight may have begun on the previous local day.
    for (let day = localDay(zone, fromAt) - 1; day <= localDay(zone, toAt); day++) {
      if (!rule.weekdays.includes(weekdayOf(day))) continue;
      const start = resolveOnDay(zone, day, startMinutes);
      const end = resolveOnDay(zone, endsNextDay ? day + 1 : day, endMinutes);
      if (end > start && end > fromAt && start < toAt) {
        result.push({ id: `${rule.id}@${start}`, ruleId: rule.id, ruleName: rule.name, start, end });
      }
    }
  }
  return result.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The union of occurrences as disjoint blocks; touching occurrences join into one block. */
export function blocksBetween(rules: readonly FocusRule[], fromAt: number, toAt: number): Block[] {
  const blocks: Block[] = [];
  for (const occurrence of occurrencesBetween(rules, fromAt, toAt)) {
    const last = blocks.at(-1);
    if (last && occurrence.start <= last.end) {
      last.end = Math.max(last.end, occurrence.end);
      last.occurrences.push(occurrence);
    } else {
      blocks.push({ start: occurrence.start, end: occurrence.end, occurrences: [occurrence] });
    }
  }
  return blocks;
}

/** The scheduled block running at `now`, if any. Its end is capped at the look-ahead horizon. */
export function blockAt(rules: readonly FocusRule[], now: number): Block | null {
  return (
    blocksBetween(rules, now - 2 * DAY_MS, now + HORIZON_MS).find((b) => b.start <= now && now < b.end) ??
    null
  );
}
