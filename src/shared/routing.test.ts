import { describe, expect, it } from 'vitest';
import { DEFAULT_CHARTER, HOUR_MS, MINUTE_MS } from './channels';
import { DEFAULT_DELIVERY_POLICY } from './delivery';
import { type RoutableItem, type RouteContext, routeItem } from './routing';

const NOW = Date.UTC(2026, 10, 18, 9, 30); // Wednesday 09:30 UTC
const base: RoutableItem = {
  channel: 'chat',
  priority: 'normal',
  deadline: NOW + 4 * HOUR_MS,
  deadlineExplicit: false,
  sender: { name: 'Ana Lima', handle: '@ana' },
};
const ctx = (partial: Partial<RouteContext> = {}): RouteContext => ({
  now: NOW,
  zone: 'UTC',
  policy: DEFAULT_DELIVERY_POLICY,
  charter: DEFAULT_CHARTER,
  hold: { until: NOW + 30 * MINUTE_MS, because: 'summary' },
  recentFromSender: 1,
  ...partial,
});
const FOCUS_END = NOW + 90 * MINUTE_MS; // 11:00
const margin = DEFAULT_DELIVERY_POLICY.marginMinutes * MINUTE_MS;

describe('routing', () => {
  it.each<{
    name: string;
    item?: Partial<RoutableItem>;
    context?: Partial<RouteContext>;
    action: string;
    reason: string;
    text: string;
  }>([
    {
      name: 'urgent breaks through even in focus',
      item: { priority: 'urgent' },
      context: { hold: { until: FOCUS_END, because: 'focus' } },
      action: 'break-through',
      reason: 'urgent',
      text: 'broke through: marked urgent',
    },
    {
      name: 'a VIP by handle breaks through',
      context: { policy: { ...DEFAULT_DELIVERY_POLICY, vips: ['@ANA'] } },
      action: 'break-through',
      reason: 'vip',
      text: 'broke through: Ana Lima is on your VIP list',
    },
    {
      name: 'a VIP by name breaks through',
      context: { policy: { ...DEFAULT_DELIVERY_POLICY, vips: ['ana lima'] } },
      action: 'break-through',
      reason: 'vip',
      text: 'broke through: Ana Lima is on your VIP list',
    },
    {
      name: 'held during focus',
      context: { hold: { until: FOCUS_END, because: 'focus' } },
      action: 'hold',
      reason: 'focus',
      text: 'held during focus until 11:00',
    },
    {
      name: 'held during open-ended focus: no time is promised',
      context: { hold: { until: null, because: 'focus' } },
      action: 'hold',
      reason: 'focus',
      text: 'held until focus ends',
    },
    {
      name: 'held with no summary scheduled says so',
      context: { hold: { until: null, because: 'summary' } },
      action: 'hold',
      reason: 'summary',
      text: 'held: no summary is scheduled',
    },
    {
      name: 'held for the next summary',
      context: { hold: { until: NOW + 30 * MINUTE_MS, because: 'summary' } },
      action: 'hold',
      reason: 'summary',
      text: 'held for the 10:00 summary',
    },
    {
      name: 'held for the next interval',
      context: { hold: { until: NOW + 30 * MINUTE_MS, because: 'interval' } },
      action: 'hold',
      reason: 'interval',
      text: 'held for the 10:00 delivery',
    },
    {
      name: 'held after hours',
      context: { hold: { until: NOW + 30 * MINUTE_MS, because: 'after-hours' } },
      action: 'hold',
      reason: 'after-hours',
      text: 'held until working hours start at 10:00',
    },
    {
      name: 'delivered at once in instant mode',
      context: { hold: null },
      action: 'deliver',
      reason: 'instant',
      text: 'delivered as it arrived',
    },
    {
      name: 'would miss its 4 h deadline behind a long focus block',
      item: { deadline: NOW + HOUR_MS },
      context: { hold: { until: FOCUS_END, because: 'focus' } },
      action: 'break-through',
      reason: 'deadline-risk',
      text: 'broke through: would miss its 4 h deadline',
    },
    {
      name: 'an explicit deadline is named by its time',
      item: { deadline: NOW + HOUR_MS, deadlineExplicit: true },
      context: { hold: { until: FOCUS_END, because: 'focus' } },
      action: 'break-through',
      reason: 'deadline-risk',
      text: 'broke through: would miss its 10:30 deadline',
    },
    {
      name: 'exactly the margin left after release is safe: held',
      item: { deadline: FOCUS_END + margin },
      context: { hold: { until: FOCUS_END, because: 'focus' } },
      action: 'hold',
      reason: 'focus',
      text: 'held during focus until 11:00',
    },
    {
      name: 'a millisecond less than the margin breaks through',
      item: { deadline: FOCUS_END + margin - 1 },
      context: { hold: { until: FOCUS_END, because: 'focus' } },
      action: 'break-through',
      reason: 'deadline-risk',
      text: 'broke through: would miss its 4 h deadline',
    },
    {
      name: 'no scheduled release: held while deadline − margin is still ahead',
      item: { deadline: NOW + margin + MINUTE_MS },
      context: { hold: { until: null, because: 'focus' } },
      action: 'hold',
      reason: 'focus',
      text: 'held until focus ends',
    },
    {
      name: 'no scheduled release: breaks through once deadline − margin has come',
      item: { deadline: NOW + margin },
      context: { hold: { until: null, because: 'focus' } },
      action: 'break-through',
      reason: 'deadline-risk',
      text: 'broke through: would miss its 4 h deadline',
    },
    {
      name: 'a VIP listed by email breaks through from a chat handle the alias list joins',
      item: { sender: { name: 'Ana', handle: '@ana' } },
      context: {
        policy: {
          ...DEFAULT_DELIVERY_POLICY,
          vips: ['Ana@Example.com'],
          aliases: [['ana@example.com', 'ana']],
        },
      },
      action: 'break-through',
      reason: 'vip',
      text: 'broke through: Ana is on your VIP list',
    },
    {
      name: 'the third update from one sender in 10 minutes breaks through',
      context: { recentFromSender: 3, hold: { until: FOCUS_END, because: 'focus' } },
      action: 'break-through',
      reason: 'repeated-sender',
      text: 'broke through: Ana Lima sent 3 updates in 10 min',
    },
    {
      name: 'the second one does not',
      context: { recentFromSender: 2, hold: { until: FOCUS_END, because: 'focus' } },
      action: 'hold',
      reason: 'focus',
      text: 'held during focus until 11:00',
    },
    {
      name: 'repeats without a sender cannot be attributed',
      item: { sender: undefined },
      context: { recentFromSender: 5 },
      action: 'hold',
      reason: 'summary',
      text: 'held for the 10:00 summary',
    },
  ])('$name', ({ item, context, action, reason, text }) => {
    expect(routeItem({ ...base, ...item }, ctx(context))).toEqual({ action, reason, text });
  });

  it('names the zone-local time in texts', () => {
    const decision = routeItem(
      base,
      ctx({ zone: 'Asia/Kolkata', hold: { until: FOCUS_END, because: 'focus' } }),
    );
    expect(decision.text).toBe('held during focus until 16:30');
  });
});
