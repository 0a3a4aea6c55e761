/**
 * At-risk reminders: when an open item is due soon, one notification says so ("3 replies due by
 * 14:00"). When a reminder is due, whether it may interrupt focus, and its words. Pure: `now`, the
 * calendar and the focus state are arguments.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { MINUTE_MS, type Priority } from './channels';
import type { DeliveryPolicy } from './delivery';
import { isVip, missesDeadline } from './routing';
import { isWorkingTime, nextWorkingStartOrNull, type WorkingCalendar } from './working-time';

/** Reminders falling due this close together share one notification. */
export const REMINDER_GROUP_MS = 5 * MINUTE_MS;

/**
 * When an item with this deadline is reminded of: `deadline − window`, or the first working instant
 * after it when that is outside working hours; null when no working time is left before the deadline.
 */
export function reminderAt(
  deadline: number,
  policy: Pick<DeliveryPolicy, 'atRiskMinutes'>,
  calendar: WorkingCalendar,
): number | null {
  const at = deadline - policy.atRiskMinutes * MINUTE_MS;
  if (isWorkingTime(at, calendar)) return at;
  const start = nextWorkingStartOrNull(at, calendar);
  return start !== null && start < deadline ? start : null;
}

export interface RemindableItem {
  deadline: number;
  priority: Priority;
  sender?: { name: string; handle?: string | undefined } | undefined;
}

/**
 * Whether a due reminder may show now. Outside focus it may; in focus it follows the breakthrough
 * rules: urgent, a VIP, or it would come too late if it waited for the end of focus (`deadline −
 * margin` before that end, or already here when the end is unknown). Otherwise it waits: `retryAt`
 * is `deadline − margin` for open-ended focus, else null (the end of focus wakes it).
 */
export function reminderMayShow(
  item: RemindableItem,
  focus: { active: boolean; until: number | null },
  policy: DeliveryPolicy,
  now: number,
): { show: true; breakThrough: boolean } | { show: false; retryAt: number | null } {
  if (!focus.active) return { show: true, breakThrough: false };
  if (item.priority === 'urgent' || isVip(item, policy)) return { show: true, breakThrough: true };
  if (missesDeadline(item.deadline, focus.until, now, policy)) return { show: true, breakThrough: true };
  return {
    show: false,
    retryAt: focus.until === null ? item.deadline - policy.marginMinutes * MINUTE_MS : null,
  };
}

const clock = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toFormat('HH:mm');

/**
 * A group's words: "Reply due by 14:00" with the item's title, or "3 replies due by 14:00" with the
 * first titles. "By" the latest deadline of the group, so every item in it is due by then.
 */
export function reminderText(
  items: readonly { title: string; deadline: number; sender?: { name: string } | undefined }[],
  zone: string,
): { title: string; body: string; dueBy: number } {
  const dueBy = Math.max(...items.map((item) => item.deadline));
  const by = clock(dueBy, zone);
  if (items.length === 1) {
    const [item] = items as [(typeof items)[number]];
    return {
      title: `Reply due by ${by}`,
      body: item.sender ? `${item.title} · ${item.sender.name}` : item.title,
      dueBy,
    };
  }
  const sorted = [...items].sort((a, b) => a.deadline - b.deadline);
  const shown = sorted.slice(0, 3).map((item) => item.title);
  const more = items.length - shown.length;
  return {
    title: `${items.length} replies due by ${by}`,
    body: `${shown.join(' · ')}${more > 0 ? ` and ${more} more` : ''}`,
    dueBy,
  };
}

/** One reminder as the core announces it: the notifiers show `title` and `body` as they are. */
export const atRiskReminderSchema = z.object({
  /** Stable per group and instant: a notification tag. */
  id: z.string(),
  at: z.number(),
  dueBy: z.number(),
  itemIds: z.array(z.string()).min(1),
  title: z.string(),
  body: z.string(),
  /** Shown during focus: the notifier treats it as a break-through (kept until dismissed). */
  breakThrough: z.boolean(),
});
export type AtRiskReminder = z.output<typeof atRiskReminderSchema>;
