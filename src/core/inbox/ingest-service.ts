import { LullError } from '../../shared/contract';
import { computeDeadline } from '../../shared/deadline';
import { itemIdFor } from '../../shared/ids';
import type { RouteDecision } from '../../shared/routing';
import type { InboxItem, UpdateInput } from '../../shared/schemas';
import type { Settings } from '../../shared/settings-schema';
import type { WorkingCalendar } from '../../shared/working-time';
import type { Journal } from '../journal/journal';
import type { Clock, Logger } from '../ports';
import { type DeadlineOverride, openDeadlineOverrides } from './deadline-overrides';
import type { ItemStore } from './item-store';

export interface IngestResult {
  id: string;
  deadline: number;
  /** false when the update replaced an item the core already knew. */
  created: boolean;
}

/** Routing at ingest (the batcher): decide and hold before journaling, announce after. */
export interface IngestRouter {
  route(items: readonly InboxItem[]): Promise<Map<string, RouteDecision>>;
  announce(items: readonly InboxItem[]): void;
  /** A retracted item leaves the held queue before any summary shows it. */
  drop(ids: readonly string[]): Promise<void>;
  /** Deadlines moved: held items are checked against them again (the deadline promise). */
  deadlinesChanged?(): void;
}

export interface IngestService {
  ingest(updates: readonly UpdateInput[]): Promise<IngestResult[]>;
  known(id: string): InboxItem | undefined;
  /** Every remembered item, most recently ingested first. */
  list(): InboxItem[];
  /**
   * The source takes an update back: it leaves the held queue, a journal entry tells the renderer to
   * delete it, and the memory forgets it. False when the core does not know the id.
   */
  retract(id: string): Promise<boolean>;
  /**
   * After the charter or working time changed: recomputes the deadline of every remembered item
   * that has no explicit one (the source's or the user's), and journals those that moved (the
   * renderer keeps their user state).
   */
  recomputeDeadlines(): Promise<number>;
  /** Routes items again as if they had just arrived (a snooze woke them) and journals the decision. */
  reroute(items: readonly InboxItem[]): Promise<void>;
  /**
   * The user's deadline for an item, kept across re-sends and recomputation; null goes back to the
   * source's own deadline, or the charter's without one. Journals the item again and answers its
   * deadline. LullError 'not-found' for an id the core does not know.
   */
  setDeadline(id: string, deadline: number | null): Promise<number>;
}

/**
 * Turns validated updates into inbox items: stable id, reply deadline from the charter, and the
 * original arrival time kept across re-sends. Items are durable once the journal append resolves.
 */
export async function createIngestService(options: {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  settings: () => Settings;
  /** Working hours for 'working' reply windows; without it windows count clock hours. */
  calendar?: () => WorkingCalendar;
  /** The durable item memory: an item is remembered before the journal tells any window of it. */
  store: ItemStore;
  journal: Journal;
  /** Absent in tests of ingest alone: then nothing is held and nothing announced. */
  router?: IngestRouter;
}): Promise<IngestService> {
  const { store, journal } = options;
  const router = options.router ?? null;
  const overrides = await openDeadlineOverrides(options);
  const known = (id: string) => store.get(id);

  const charterDeadline = (item: Pick<InboxItem, 'receivedAt' | 'channel' | 'priority'>) =>
    computeDeadline(
      { receivedAt: item.receivedAt, channel: item.channel, priority: item.priority },
      options.settings().charter,
      options.calendar?.(),
    );

  /** An item the user gave a deadline keeps it; a re-send only updates the source's own deadline. */
  function toItem(
    update: UpdateInput,
    now: number,
    batch: ReadonlyMap<string, InboxItem>,
    sourceDeadlines: Map<string, DeadlineOverride>,
  ): InboxItem {
    const id = itemIdFor(update.source, update.externalId);
    const previous = batch.get(id) ?? known(id);
    const receivedAt = update.receivedAt ?? previous?.receivedAt ?? now;
    const override = overrides.get(id);
    const source = update.deadline ?? null;
    if (override && override.source !== source) sourceDeadlines.set(id, { ...override, source });
    const explicit = override?.deadline ?? update.deadline;
    const deadline = computeDeadline(
      { receivedAt, channel: update.channel, priority: update.priority, explicitDeadline: explicit },
      options.settings().charter,
      options.calendar?.(),
    );
    return {
      id,
      source: update.source,
      externalId: update.externalId,
      channel: update.channel,
      title: update.title,
      ...(update.sender ? { sender: update.sender } : {}),
      ...(update.snippet ? { snippet: update.snippet } : {}),
      ...(update.url ? { url: update.url } : {}),
      receivedAt,
      deadline,
      deadlineExplicit: explicit !== undefined,
      priority: update.priority,
      ...(update.threadId ? { threadId: update.threadId } : {}),
      ingestedAt: now,
    };
  }

  /** Remembered first, then journaled: a window never hears of an item the core could forget. */
  async function record(items: readonly InboxItem[]): Promise<void> {
    await store.put(items);
    // As the window does: new activity on an item done before it arrived brings it back.
    const reopened = items.filter((item) => {
      const user = store.userState(item.id);
      return user?.state === 'done' && user.at < item.receivedAt;
    });
    if (reopened.length > 0) {
      await store.setState(
        reopened.map((item) => item.id),
        { state: 'open', at: options.clock.now() },
      );
    }
    await journal.append(items.map((item) => ({ kind: 'item' as const, item })));
  }

  return {
    async ingest(updates) {
      const now = options.clock.now();
      // Within one batch the last copy of an id wins, as if the updates had been sent one by one.
      const byId = new Map<string, InboxItem>();
      const sourceDeadlines = new Map<string, DeadlineOverride>();
      for (const update of updates) {
        const item = toItem(update, now, byId, sourceDeadlines);
        byId.set(item.id, item);
      }
      if (sourceDeadlines.size > 0) await overrides.save(sourceDeadlines);
      const createdIds = new Set([...byId.keys()].filter((id) => !store.get(id)));
      // New items are routed (and held ones durably queued) before they are journaled, so a crash in
      // between re-queues on the client's retry instead of leaving an item that is never summarised.
      const created = [...byId.values()].filter((item) => createdIds.has(item.id));
      const decisions = router && created.length > 0 ? await router.route(created) : new Map();
      const stored = [...byId.values()].map((item) => {
        const route = decisions.get(item.id) ?? known(item.id)?.route;
        return route ? { ...item, route } : item;
      });
      await record(stored);
      router?.announce(stored.filter((item) => createdIds.has(item.id)));
      return updates.map((update) => {
        const item = byId.get(itemIdFor(update.source, update.externalId))!;
        return { id: item.id, deadline: item.deadline, created: createdIds.has(item.id) };
      });
    },
    known,
    async reroute(items) {
      if (!router || items.length === 0) return;
      const decisions = await router.route(items);
      const routed = items.map((item) => {
        const route = decisions.get(item.id);
        return route ? { ...item, route } : item;
      });
      await record(routed);
      router.announce(routed);
    },
    async recomputeDeadlines() {
      const charter = options.settings().charter;
      const calendar = options.calendar?.();
      const moved: InboxItem[] = [];
      for (const item of store.items()) {
        if (item.deadlineExplicit) continue;
        const deadline = computeDeadline(
          { receivedAt: item.receivedAt, channel: item.channel, priority: item.priority },
          charter,
          calendar,
        );
        if (deadline !== item.deadline) moved.push({ ...item, deadline });
      }
      if (moved.length === 0) return 0;
      await record(moved);
      router?.deadlinesChanged?.();
      return moved.length;
    },
    async setDeadline(id, deadline) {
      const item = known(id);
      if (!item) throw new LullError('not-found', `No item ${id}`);
      const override = overrides.get(id);
      if (deadline === null && !override) return item.deadline;
      // The source's own deadline is what an item marked explicit carries before the user's first change.
      const source = override ? override.source : item.deadlineExplicit ? item.deadline : null;
      const next: InboxItem =
        deadline === null
          ? { ...item, deadline: source ?? charterDeadline(item), deadlineExplicit: source !== null }
          : { ...item, deadline, deadlineExplicit: true };
      // Durable before the journal entry: a crash in between is healed by the renderer's replay.
      await overrides.save(new Map([[id, deadline === null ? null : { deadline, source }]]));
      await record([next]);
      router?.deadlinesChanged?.();
      return next.deadline;
    },
    list: () => [...store.items()].sort((a, b) => b.ingestedAt - a.ingestedAt || b.receivedAt - a.receivedAt),
    async retract(id) {
      if (!store.get(id)) return false;
      // Dropped first: a crash before the journal entry leaves an item the client's retry retracts.
      await router?.drop([id]);
      await store.remove([id]);
      await journal.append([{ kind: 'retract', id }]);
      if (overrides.get(id)) await overrides.save(new Map([[id, null]]));
      return true;
    },
  };
}
