import type { HoldTarget } from '../../shared/delivery';
import {
  deadlineRiskDecision,
  holdDecision,
  latestDeliveryAt,
  missesDeadline,
  type RouteDecision,
} from '../../shared/routing';
import type { InboxItem } from '../../shared/schemas';
import type { Settings } from '../../shared/settings-schema';
import type { CoreEvents } from '../events';
import type { ItemStore } from '../inbox/item-store';
import type { Journal } from '../journal/journal';
import type { WakeScheduler } from '../lib/wake-timer';
import type { Clock, Logger } from '../ports';
import type { HeldQueue } from './held-queue';

export interface BreakthroughOptions {
  clock: Clock;
  logger: Logger;
  events: CoreEvents;
  journal: Journal;
  /** The items as they are now: a deadline the charter or the user moved is read here. */
  store: Pick<ItemStore, 'get' | 'update'>;
  queue: HeldQueue;
  /** The delivery service's queue: a break-through and a release never both take an item. */
  serial: <T>(task: () => Promise<T>) => Promise<T>;
  settings: () => Settings;
  zone: () => string;
  /** Where an item held now waits (focus end, summary, interval, working start); null: released now. */
  hold: (now: number) => HoldTarget | null;
  scheduler: WakeScheduler;
  /** The held count changed: the mirrors are told. */
  onDropped: () => void;
}

export interface Breakthrough {
  /**
   * Looks at every held item again, now: one whose `deadline − margin` falls before its next delivery
   * breaks through at once; the wake timer is armed for the earliest `deadline − margin` left.
   */
  recheck(): Promise<void>;
  /** Items just held (their arrival check passed): the wake moves earlier if one of them needs it. */
  noteHeld(deadlines: readonly number[]): void;
  /**
   * A break-through recorded before the app stopped but still in the queue: finish it. Re-checks
   * wait for this (the start, once notifiers listen), so nothing is announced to nobody.
   */
  recover(): Promise<void>;
  close(): void;
}

const isDeadlineRisk = (route: RouteDecision | undefined) =>
  route?.action === 'break-through' && route.reason === 'deadline-risk';

/**
 * The deadline promise for held updates, kept over time (README "Notifications"): the check made at
 * arrival is made again on every wake of its timer, focus change, settings change, deadline change,
 * resume and clock jump. What no longer fits before its next delivery breaks through with the same
 * notification as on arrival, exactly once: its new route is journaled first, then it leaves the held
 * queue by a durable drop, then it is announced. Held items whose next delivery moved are re-routed
 * in words too ("held during focus until 12:45" becomes "held until focus ends").
 */
export function createBreakthrough(options: BreakthroughOptions): Breakthrough {
  const { clock, logger, events, journal, store, queue, serial } = options;
  let closed = false;
  let started = false;
  const timer = options.scheduler.timer('breakthrough', () => void recheck());
  let wakeAt: number | null = null;
  const arm = (at: number | null) => {
    wakeAt = at;
    timer.arm(at);
  };

  /**
   * New routes, set on each item's latest copy (a re-send in flight keeps its content) and journaled
   * before the drop: a crash in between is finished by `recover`, not announced twice.
   */
  async function record(routes: ReadonlyMap<string, RouteDecision>): Promise<InboxItem[]> {
    if (routes.size === 0) return [];
    const items = await store.update([...routes.keys()], (item) => ({
      ...item,
      route: routes.get(item.id)!,
    }));
    await journal.append(items.map((item) => ({ kind: 'item' as const, item })));
    return items;
  }

  async function breakThrough(items: readonly InboxItem[]): Promise<void> {
    if (items.length === 0) return;
    await queue.drop(items.map((item) => item.id));
    for (const item of items) events.emit('inbox:notify', { item, decision: item.route! });
    options.onDropped();
  }

  function recheck(): Promise<void> {
    if (closed || !started) return Promise.resolve();
    return serial(async () => {
      if (closed) return;
      const now = clock.now();
      const hold = options.hold(now);
      // Nothing would hold an item now: the release timer lets everything out.
      if (!hold) return arm(null);
      const { delivery: policy, charter } = options.settings();
      const zone = options.zone();
      const waiting = holdDecision(hold, zone);
      const routes = new Map<string, RouteDecision>();
      const breaking = new Set<string>();
      let next: number | null = null;
      for (const held of queue.items()) {
        const item = store.get(held.id);
        // Retracted, or not yet remembered (a crash between hold and record): its own deadline then.
        const deadline = item?.deadline ?? held.deadline;
        if (missesDeadline(deadline, hold.until, now, policy)) {
          if (!item) continue;
          routes.set(item.id, deadlineRiskDecision(item, charter, zone));
          breaking.add(item.id);
          continue;
        }
        const latest = latestDeliveryAt(deadline, policy);
        if (latest > now && (next === null || latest < next)) next = latest;
        if (item && item.route?.text !== waiting.text) routes.set(item.id, waiting);
      }
      const written = await record(routes);
      await breakThrough(written.filter((item) => breaking.has(item.id)));
      arm(next);
    }).catch((error: unknown) => {
      logger.error(`could not re-check held updates: ${String(error)}`);
      // Try again shortly rather than at the heartbeat: a deadline may be close.
      if (!closed) arm(clock.now() + 5_000);
    });
  }

  return {
    recheck,
    noteHeld(deadlines) {
      if (closed || !started) return;
      const now = clock.now();
      const policy = options.settings().delivery;
      for (const deadline of deadlines) {
        const latest = latestDeliveryAt(deadline, policy);
        if (latest > now && (wakeAt === null || latest < wakeAt)) arm(latest);
      }
    },
    recover: () =>
      serial(async () => {
        started = true;
        const recorded = queue.items().flatMap((held) => {
          const item = store.get(held.id);
          return item && isDeadlineRisk(item.route) ? [item] : [];
        });
        if (recorded.length === 0) return;
        logger.warn(
          `${recorded.length} held update(s) broke through before the app stopped: announcing them`,
        );
        await breakThrough(recorded);
      }),
    close() {
      closed = true;
      timer.close();
    },
  };
}
