import { holdTarget } from '../../shared/delivery';
import {
  byDeadline,
  type Digest,
  type DigestCause,
  type DigestStatus,
  digestHeadline,
  type HeldItem,
} from '../../shared/digest-schemas';
import { type RouteDecision, routeItem } from '../../shared/routing';
import type { InboxItem } from '../../shared/schemas';
import type { Settings } from '../../shared/settings-schema';
import type { WorkingCalendar } from '../../shared/working-time';
import type { CoreEvents } from '../events';
import type { FocusEngine } from '../focus/focus-engine';
import type { ItemStore } from '../inbox/item-store';
import type { Journal } from '../journal/journal';
import type { Unsubscribe } from '../lib/emitter';
import { createSerialQueue } from '../lib/serial';
import { createWakeScheduler, type WakeScheduler } from '../lib/wake-timer';
import type { Clock, Logger } from '../ports';
import { createBreakthrough } from './breakthrough';
import { openContactWindow } from './contacts';
import { type HeldQueue, openHeldQueue } from './held-queue';

/** While a release is being written, the timer looks again this much later. */
const BUSY_RETRY_MS = 1_000;

/**
 * Delivery: routes each new update (deliver now, hold, break through), keeps the held queue, and
 * releases what is held as one summary (a "digest" on the wire) at summary times, at focus end and
 * on demand.
 */
export interface DeliveryService {
  /** Re-shows a release a crash interrupted, then arms the timer: call once the notifiers listen. */
  start(): Promise<void>;
  /** Decides each new item and durably holds the held ones; call before the items are journaled. */
  route(items: readonly InboxItem[]): Promise<Map<string, RouteDecision>>;
  /** After the items are durable: let the user know about what was delivered or broke through. */
  announce(items: readonly InboxItem[]): void;
  /** Whether an update waits in the held queue. */
  isHeld(id: string): boolean;
  status(): DigestStatus;
  /** Releases everything held now ("Show held updates now"); null when nothing is held. */
  releaseNow(): Promise<Digest | null>;
  /** Done or snoozed items leave the queue before any release shows them. */
  drop(ids: readonly string[]): Promise<void>;
  /** Re-reads the clock; the release timer calls it, so do resume and settings changes. */
  recompute(): void;
  /** Deadlines moved (charter, working time, the user): held items are checked against them again. */
  deadlinesChanged(): void;
  /** Resolves once the releases and re-checks started so far have finished. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface DeliveryServiceOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  settings: () => Settings;
  calendar: () => WorkingCalendar;
  focus: FocusEngine;
  journal: Journal;
  /** The items as they are now (deadlines that moved since an item was held), and where re-routes go. */
  store: Pick<ItemStore, 'get' | 'update'>;
  events: CoreEvents;
  /** The core's one wake timer; a private one where the service runs alone (tests). */
  scheduler?: WakeScheduler;
}

const toHeld = (item: InboxItem, now: number): HeldItem => ({
  id: item.id,
  title: item.title,
  channel: item.channel,
  ...(item.sender ? { sender: item.sender } : {}),
  ...(item.url ? { url: item.url } : {}),
  deadline: item.deadline,
  heldAt: now,
});

/**
 * Batched notifications: holds what can wait, lets through what cannot, and releases held items as
 * one digest at summary times, at focus end and on demand. Releases are two-phase through the held
 * queue, and each scheduled occurrence releases once, whatever the clock does.
 */
export async function createDeliveryService(options: DeliveryServiceOptions): Promise<DeliveryService> {
  const { clock, logger, events, focus, journal } = options;
  const queue: HeldQueue = await openHeldQueue({ dataDir: options.dataDir, logger });
  const serial = createSerialQueue();
  // Arrivals per person (any source) inside the repeat window, kept across restarts.
  const contacts = await openContactWindow({ dataDir: options.dataDir, logger });
  let lastTickAt = clock.now();
  let closed = false;
  const ownScheduler = options.scheduler ? null : createWakeScheduler(clock, () => undefined);
  const scheduler = options.scheduler ?? ownScheduler!;
  const timer = scheduler.timer('delivery', () => tick());

  const policy = () => options.settings().delivery;
  const zone = () => options.calendar().zone;

  function status(): DigestStatus {
    const items = byDeadline(queue.items());
    return { heldCount: items.length, nextReleaseAt: items.length ? nextRelease() : null, items };
  }

  /** Focus releases when it ends: an open-ended session promises no time (null), not the next summary. */
  function nextRelease(): number | null {
    const state = focus.status();
    if (state.active) return state.until;
    // Nothing holds (instant mode after focus): now. Summaries with no times scheduled: none (null).
    const target = holdTarget(policy(), state, options.calendar(), clock.now());
    return target ? target.until : clock.now();
  }

  let published = { heldCount: -1, nextReleaseAt: null as number | null };
  /** Tells the mirrors (tray, header) when the count or the next release changed, and only then. */
  function publishStatus(): void {
    // The count and the next release only: sorting every held item per update cost O(held log held).
    const heldCount = queue.size();
    const nextReleaseAt = heldCount > 0 ? nextRelease() : null;
    if (heldCount === published.heldCount && nextReleaseAt === published.nextReleaseAt) return;
    published = { heldCount, nextReleaseAt };
    events.emit('digest:changed', published);
  }

  /**
   * Journaled first, announced after: the journal is the record that a summary was shown. A crash
   * before the append re-shows it on the next start; one after it finds it there and shows nothing
   * twice (README "exactly once").
   */
  async function show(digest: Digest): Promise<void> {
    await journal.append([
      {
        kind: 'event',
        event: {
          type: 'digest-released',
          at: digest.at,
          id: digest.id,
          cause: digest.cause,
          itemIds: digest.items.map((i) => i.id),
        },
      },
    ]);
    events.emit('digest:released', digest);
  }

  const journaled = (digestId: string) =>
    journal
      .entries()
      .some(
        (entry) =>
          entry.kind === 'event' && entry.event.type === 'digest-released' && entry.event.id === digestId,
      );

  let inFlight = 0;
  function release(cause: DigestCause, occurrence: string | null): Promise<Digest | null> {
    inFlight++;
    return serial(async () => {
      if (occurrence && queue.hasFired(occurrence)) return null;
      const items = byDeadline(queue.items());
      if (items.length === 0) return null;
      const now = clock.now();
      const digest: Digest = {
        id: `digest@${now}:${cause}`,
        at: now,
        cause,
        items,
        headline: digestHeadline(items, now, zone()),
      };
      await queue.beginRelease(digest, occurrence);
      await show(digest);
      await queue.finishRelease(digest.id);
      publishStatus();
      return digest;
    }).finally(() => inFlight--);
  }

  /** A release the last run marked but never confirmed: show it again (at most one duplicate). */
  async function recoverPending(): Promise<void> {
    const pending = queue.pending();
    if (!pending) return;
    if (journaled(pending.id)) {
      logger.info(`digest ${pending.id} reached the journal before the app stopped: not shown again`);
    } else {
      logger.warn(`re-showing digest ${pending.id}: the app stopped before it was recorded`);
      await show(pending);
    }
    await queue.finishRelease(pending.id);
  }

  function tick(): void {
    if (closed) return;
    // While a release is being written, wait for it rather than queueing another; lastTickAt stays,
    // so the next tick still looks back over anything that came due meanwhile.
    if (inFlight > 0) {
      timer.arm(clock.now() + BUSY_RETRY_MS);
      return;
    }
    const now = clock.now();
    const from = Math.min(lastTickAt, now);
    lastTickAt = now;
    if (!focus.status().active && queue.size() > 0) {
      const target = holdTarget(policy(), { active: false, until: null }, options.calendar(), from);
      // Instant mode holds nothing by itself: whatever is left (focus ended) goes now.
      if (!target) void release('focus-end', null);
      else if (target.until !== null && target.until <= now) {
        void release(
          target.because === 'focus' ? 'focus-end' : target.because,
          `${target.because}@${target.until}`,
        );
      }
    }
    arm();
  }

  function arm(): void {
    if (closed) return;
    // Nothing held, nothing to release: in instant mode the "next release" is now, which would spin.
    timer.arm(queue.size() > 0 ? nextRelease() : null);
  }

  const breakthrough = createBreakthrough({
    ...options,
    queue,
    serial,
    zone,
    scheduler,
    hold: (now) => holdTarget(policy(), focus.status(), options.calendar(), now),
    onDropped: publishStatus,
  });

  const stopFocus: Unsubscribe = focus.onTransition(({ id, status: state }) => {
    // The catch-up digest: everything held during the block, once per focus end.
    if (!state.active) {
      lastTickAt = clock.now();
      void release('focus-end', `focus-end:${id}`);
    }
    publishStatus();
  });
  // Extend, skip, start, a schedule change: the next delivery moved. A microtask later, so a focus end
  // queues its catch-up release first and the re-check finds nothing left to break through.
  const stopFocusChange: Unsubscribe = focus.onChange(() => {
    queueMicrotask(() => void breakthrough.recheck());
  });

  published = { heldCount: queue.size(), nextReleaseAt: queue.size() > 0 ? nextRelease() : null };

  return {
    async start() {
      await recoverPending();
      await breakthrough.recover();
      arm();
      await breakthrough.recheck();
    },
    async route(items) {
      const now = clock.now();
      const decisions = new Map<string, RouteDecision>();
      const held: HeldItem[] = [];
      const hold = holdTarget(policy(), focus.status(), options.calendar(), now);
      const fromSender = await contacts.arriveFrom(items, policy(), now);
      for (const item of items) {
        const decision = routeItem(item, {
          now,
          zone: zone(),
          policy: policy(),
          charter: options.settings().charter,
          hold,
          recentFromSender: fromSender.get(item.id) ?? 0,
        });
        decisions.set(item.id, decision);
        if (decision.action === 'hold') held.push(toHeld(item, now));
      }
      if (held.length > 0) {
        await queue.hold(held);
        publishStatus();
        arm();
        breakthrough.noteHeld(held.map((item) => item.deadline));
      }
      return decisions;
    },
    announce(items) {
      for (const item of items) {
        if (item.route && item.route.action !== 'hold')
          events.emit('inbox:notify', { item, decision: item.route });
      }
    },
    status,
    isHeld: (id) => queue.has(id),
    releaseNow: () => release('manual', null),
    async drop(ids) {
      const dropped = await queue.drop(ids);
      if (dropped.length > 0) publishStatus();
    },
    recompute() {
      tick();
      void breakthrough.recheck();
    },
    deadlinesChanged: () => void breakthrough.recheck(),
    settled: () => serial(async () => undefined),
    async close() {
      closed = true;
      timer.close();
      breakthrough.close();
      ownScheduler?.close();
      stopFocus();
      stopFocusChange();
      await serial(() => queue.close());
      await contacts.close();
    },
  };
}
