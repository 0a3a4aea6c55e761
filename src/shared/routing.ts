/**
 * Routing: each incoming item gets one decision — deliver now, hold, or break through — with a
 * reason a person can read. Pure: everything it needs is in the context.
 */
import { DateTime } from 'luxon';
import { type Channel, type Charter, MINUTE_MS, type Priority } from './channels';
import type { DeliveryPolicy } from './delivery';

export const ROUTE_ACTIONS = ['deliver', 'hold', 'break-through'] as const;
export type RouteAction = (typeof ROUTE_ACTIONS)[number];

export const ROUTE_REASONS = [
  'urgent',
  'vip',
  'deadline-risk',
  'repeated-sender',
  'focus',
  'summary',
  'interval',
  'after-hours',
  'instant',
] as const;
export type RouteReason = (typeof ROUTE_REASONS)[number];

export interface RouteDecision {
  action: RouteAction;
  reason: RouteReason;
  /** "broke through: would miss its 4 h deadline" — shown in the inbox and the notification. */
  text: string;
}

export interface RoutableItem {
  channel: Channel;
  priority: Priority;
  deadline: number;
  deadlineExplicit: boolean;
  sender?: { name: string; handle?: string | undefined } | undefined;
}

export interface RouteContext {
  now: number;
  zone: string;
  policy: DeliveryPolicy;
  charter: Charter;
  /** Where holding would put the item: focus end, next summary, next interval, next working start. */
  hold: { until: number | null; because: 'focus' | 'summary' | 'interval' | 'after-hours' } | null;
  /** Items from the same sender within the policy's repeat window, this one included. */
  recentFromSender: number;
}

const time = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toFormat('HH:mm');
const hours = (h: number) => `${Number.isInteger(h) ? h : h.toFixed(1)} h`;

function isVip(item: RoutableItem, vips: readonly string[]): boolean {
  if (!item.sender || vips.length === 0) return false;
  const names = [item.sender.name, item.sender.handle].filter(Boolean).map((n) => n!.toLowerCase());
  return vips.some((vip) => names.includes(vip.toLowerCase()));
}

/**
 * The rules, in order: urgent, VIP, then — only if the item would be held — deadline risk and repeated
 * sender; otherwise hold. Deadline risk: held until `hold.until`, the item would arrive with less than
 * the policy's margin left to reply (`deadline − margin < hold.until`); exactly the margin left is safe.
 */
export function routeItem(item: RoutableItem, ctx: RouteContext): RouteDecision {
  if (item.priority === 'urgent')
    return { action: 'break-through', reason: 'urgent', text: 'broke through: marked urgent' };
  if (isVip(item, ctx.policy.vips)) {
    return {
      action: 'break-through',
      reason: 'vip',
      text: `broke through: ${item.sender!.name} is on your VIP list`,
    };
  }
  if (!ctx.hold) return { action: 'deliver', reason: 'instant', text: 'delivered as it arrived' };

  const releaseAt = ctx.hold.until;
  if (releaseAt !== null && item.deadline - ctx.policy.marginMinutes * MINUTE_MS < releaseAt) {
    const window = ctx.charter[item.channel];
    const what = item.deadlineExplicit
      ? `its ${time(item.deadline, ctx.zone)} deadline`
      : `its ${hours(window.hours)} deadline`;
    return { action: 'break-through', reason: 'deadline-risk', text: `broke through: would miss ${what}` };
  }
  if (item.sender && ctx.recentFromSender >= ctx.policy.repeatCount) {
    return {
      action: 'break-through',
      reason: 'repeated-sender',
      text: `broke through: ${item.sender.name} sent ${ctx.recentFromSender} updates in ${ctx.policy.repeatWithinMinutes} min`,
    };
  }
  const until = releaseAt === null ? '' : ` until ${time(releaseAt, ctx.zone)}`;
  const text = {
    focus: `held during focus${until}`,
    summary: `held for the ${releaseAt === null ? 'next' : time(releaseAt, ctx.zone)} summary`,
    interval: `held for the ${releaseAt === null ? 'next' : time(releaseAt, ctx.zone)} delivery`,
    'after-hours': `held until working hours${releaseAt === null ? '' : ` start at ${time(releaseAt, ctx.zone)}`}`,
  }[ctx.hold.because];
  return { action: 'hold', reason: ctx.hold.because, text };
}
