/** What crosses the contract about batching: routing decisions, held items, digests. */
import { DateTime } from 'luxon';
import { z } from 'zod';
import { CHANNEL_LABELS, CHANNELS } from './channels';
import { ROUTE_ACTIONS, ROUTE_REASONS } from './routing';

export const routeDecisionSchema = z.object({
  action: z.enum(ROUTE_ACTIONS),
  reason: z.enum(ROUTE_REASONS),
  text: z.string(),
});

export const heldItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  channel: z.enum(CHANNELS),
  sender: z.object({ name: z.string(), handle: z.string().optional() }).optional(),
  url: z.string().optional(),
  deadline: z.number(),
  heldAt: z.number(),
});
export type HeldItem = z.output<typeof heldItemSchema>;

export const DIGEST_CAUSES = ['summary', 'interval', 'after-hours', 'focus-end', 'manual'] as const;
export type DigestCause = (typeof DIGEST_CAUSES)[number];

export const digestSchema = z.object({
  id: z.string(),
  at: z.number(),
  cause: z.enum(DIGEST_CAUSES),
  /** Ordered by deadline, soonest first. */
  items: z.array(heldItemSchema),
  /** One line for a notification: "7 updates · 2 due today — next: PR review from Ana, due 14:00". */
  headline: z.string(),
});
export type Digest = z.output<typeof digestSchema>;

export const digestStatusSchema = z.object({
  heldCount: z.number().int().min(0),
  /** When held items are next delivered (summary, interval, working start or focus end). */
  nextReleaseAt: z.number().nullable(),
  /** Held items, soonest deadline first: what "peek" shows. */
  items: z.array(heldItemSchema),
});
export type DigestStatus = z.output<typeof digestStatusSchema>;

export const byDeadline = <T extends { deadline: number }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.deadline - b.deadline);

/** The digest's one-line summary, in the user's zone. Items must be ordered by deadline. */
export function digestHeadline(items: readonly HeldItem[], now: number, zone: string): string {
  const count = `${items.length} update${items.length === 1 ? '' : 's'}`;
  const first = items[0];
  if (!first) return 'No updates';
  const endOfDay = DateTime.fromMillis(now, { zone }).endOf('day').toMillis();
  const dueToday = items.filter((item) => item.deadline <= endOfDay).length;
  const due = DateTime.fromMillis(first.deadline, { zone });
  const when = first.deadline <= endOfDay ? due.toFormat('HH:mm') : due.toFormat('ccc HH:mm');
  const what = first.sender ? `${first.title} from ${first.sender.name}` : first.title;
  const kind = CHANNEL_LABELS[first.channel].toLowerCase();
  return `${count}${dueToday ? ` · ${dueToday} due today` : ''} — next: ${what} (${kind}), due ${when}`;
}
