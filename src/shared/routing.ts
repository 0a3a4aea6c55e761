/**
 * Routing: each incoming item gets one decision — deliver now, hold, or break through — with a
 * reason a person can read. Pure: everything it needs is in the context.
 */
import { DateTime } from 'luxon';
import { type Channel, type Charter, MINUTE_MS, type Priority } from './channels';
import { identityResolver } from './contacts';
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
  /**
   * Where holding would put the item: focus end, next summary, next interval, next working start.
   * `until` null: no release is scheduled (open-ended focus, no summary times).
   */
  hold: { until: number | null; because: 'focus' | 'summary' | 'interval' | 'after-hours' } | null;
  /** Items from the same person (any source) within the policy's repeat window, this one included. */
  recentFromSender: number;
}

const time = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toFormat('HH:mm');
const hours = (h: number) => `${Number.isInteger(h) ? h : h.toFixed(1)} h`;

/** A VIP matches a sender by identity: the handle or the name, each through the alias list. */
export function isVip(item: Pick<RoutableItem, 'sender'>, policy: DeliveryPolicy): boolean {
  if (!item.sender || policy.vips.length === 0) return false;
  const resolver = identityResolver(policy.aliases);
  const ids = resolver.identitiesOf(item.sender);
  return policy.vips.some((vip) => ids.includes(resolver.resolve(vip)));
}

/** The last instant a held item may reach the user: `deadline − margin`, leaving the margin to reply. */
export const latestDeliveryAt = (deadline: number, policy: Pick<DeliveryPolicy, 'marginMinutes'>) =>
  deadline - policy.marginMinutes * MINUTE_MS;

/**
 * Whether holding until `releaseAt` would break the deadline promise. Exactly the margin left is safe;
 * with no release scheduled (null) the item may wait until `deadline − margin` and no longer.
 */
export function missesDeadline(
  deadline: number,
  releaseAt: number | null,
  now: number,
  policy: Pick<DeliveryPolicy, 'marginMinutes'>,
): boolean {
  const latest = latestDeliveryAt(deadline, policy);
  return releaseAt === null ? latest <= now : latest < releaseAt;
}

/** "broke through: would miss its 4 h deadline" (its 10:30 deadline, when the deadline is explicit). */
export function deadlineRiskDecision(
  item: Pick<RoutableItem, 'channel' | 'deadline' | 'deadlineExplicit'>,
  charter: Charter,
  zone: string,
): RouteDecision {
  const what = item.deadlineExplicit
    ? `its ${time(item.deadline, zone)} deadline`
    : `its ${hours(charter[item.channel].hours)} deadline`;
  return { action: 'break-through', reason: 'deadline-risk', text: `broke through: would miss ${what}` };
}

/** What a held item's row says: true at the time it is said, re-said when the next release moves. */
export function holdDecision(hold: NonNullable<RouteContext['hold']>, zone: string): RouteDecision {
  const at = hold.until === null ? null : time(hold.until, zone);
  const text = {
    // Focus always holds, so the release is the session's end: a time only when the end is known.
    focus: at === null ? 'held until focus ends' : `held during focus until ${at}`,
    summary: at === null ? 'held: no summary is scheduled' : `held for the ${at} summary`,
    interval: at === null ? 'held for the next delivery' : `held for the ${at} delivery`,
    'after-hours': `held until working hours${at === null ? '' : ` start at ${at}`}`,
  }[hold.because];
  return { action: 'hold', reason: hold.because, text };
}

/**
 * The rules, in order: urgent, VIP, then — only if the item would be held — deadline risk and repeated
 * sender; otherwise hold. Deadline risk: held until `hold.until`, the item would arrive with less than
 * the policy's margin left to reply (`deadline − margin < hold.until`); exactly the margin left is safe.
 * With no release scheduled, an item is held while `deadline − margin` is still ahead (the delivery
 * service lets it through then).
 */
export function routeItem(item: RoutableItem, ctx: RouteContext): RouteDecision {
  if (item.priority === 'urgent')
    return { action: 'break-through', reason: 'urgent', text: 'broke through: marked urgent' };
  if (isVip(item, ctx.policy)) {
    return {
      action: 'break-through',
      reason: 'vip',
      text: `broke through: ${item.sender!.name} is on your VIP list`,
    };
  }
  if (!ctx.hold) return { action: 'deliver', reason: 'instant', text: 'delivered as it arrived' };

  if (missesDeadline(item.deadline, ctx.hold.until, ctx.now, ctx.policy)) {
    return deadlineRiskDecision(item, ctx.charter, ctx.zone);
  }
  if (item.sender && ctx.recentFromSender >= ctx.policy.repeatCount) {
    return {
      action: 'break-through',
      reason: 'repeated-sender',
      text: `broke through: ${item.sender.name} sent ${ctx.recentFromSender} updates in ${ctx.policy.repeatWithinMinutes} min`,
    };
  }
  return holdDecision(ctx.hold, ctx.zone);
}
