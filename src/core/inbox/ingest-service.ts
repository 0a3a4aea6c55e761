import path from 'node:path';
import { LullError } from '../../shared/contract';
import { computeDeadline } from '../../shared/deadline';
import { itemIdFor } from '../../shared/ids';
import type { RouteDecision } from '../../shared/routing';
import type { InboxItem, UpdateInput } from '../../shared/schemas';
import { inboxItemSchema } from '../../shared/schemas';
import type { Settings } from '../../shared/settings-schema';
import type { WorkingCalendar } from '../../shared/working-time';
import type { Journal } from '../journal/journal';
import { readFileIfExists, writeFileAtomic } from '../lib/atomic-file';
import { createSerialQueue } from '../lib/serial';
import type { Clock, Logger } from '../ports';
import { type DeadlineOverride, openDeadlineOverrides } from './deadline-overrides';

export const ITEMS_FILE = 'items.json';
/** How long the core remembers an item it handed to the renderer, for idempotent re-sends. */
export const REMEMBER_MS = 30 * 24 * 3_600_000;

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
  /** Saves the remembered items; the journal calls it before compaction drops entries. */
  flush(): Promise<void>;
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
}): Promise<IngestService & { attach(journal: Journal, router?: IngestRouter): void }> {
  const file = path.join(options.dataDir, ITEMS_FILE);
  const known = new Map<string, InboxItem>();
  let journal: Journal | null = null;
  let router: IngestRouter | null = null;
  let dirty = false;
  const saving = createSerialQueue();
  const overrides = await openDeadlineOverrides(options);

  const text = await readFileIfExists(file);
  if (text !== null) {
    try {
      for (const raw of JSON.parse(text) as unknown[]) {
        const parsed = inboxItemSchema.safeParse(raw);
        if (parsed.success) known.set(parsed.data.id, parsed.data);
      }
    } catch {
      options.logger.warn(`${ITEMS_FILE} unreadable; item memory rebuilt from the journal`);
    }
  }

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
    const previous = batch.get(id) ?? known.get(id);
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

  return {
    attach(j, r) {
      journal = j;
      router = r ?? null;
      // Entries not yet compacted are newer than the saved memory: replay them.
      for (const entry of j.entries()) {
        if (entry.kind === 'item') known.set(entry.item.id, entry.item);
        else if (entry.kind === 'retract') known.delete(entry.id);
      }
    },
    async ingest(updates) {
      if (!journal) throw new Error('ingest used before the journal was attached');
      const now = options.clock.now();
      // Within one batch the last copy of an id wins, as if the updates had been sent one by one.
      const byId = new Map<string, InboxItem>();
      const sourceDeadlines = new Map<string, DeadlineOverride>();
      for (const update of updates) {
        const item = toItem(update, now, byId, sourceDeadlines);
        byId.set(item.id, item);
      }
      if (sourceDeadlines.size > 0) await overrides.save(sourceDeadlines);
      const createdIds = new Set([...byId.keys()].filter((id) => !known.has(id)));
      // New items are routed (and held ones durably queued) before they are journaled, so a crash in
      // between re-queues on the client's retry instead of leaving an item that is never summarised.
      const created = [...byId.values()].filter((item) => createdIds.has(item.id));
      const decisions = router && created.length > 0 ? await router.route(created) : new Map();
      const stored = [...byId.values()].map((item) => {
        const route = decisions.get(item.id) ?? known.get(item.id)?.route;
        return route ? { ...item, route } : item;
      });
      await journal.append(stored.map((item) => ({ kind: 'item' as const, item })));
      for (const item of stored) known.set(item.id, item);
      dirty = true;
      router?.announce(stored.filter((item) => createdIds.has(item.id)));
      return updates.map((update) => {
        const item = byId.get(itemIdFor(update.source, update.externalId))!;
        return { id: item.id, deadline: item.deadline, created: createdIds.has(item.id) };
      });
    },
    known: (id) => known.get(id),
    async reroute(items) {
      if (!journal || !router || items.length === 0) return;
      const decisions = await router.route(items);
      const routed = items.map((item) => {
        const route = decisions.get(item.id);
        return route ? { ...item, route } : item;
      });
      await journal.append(routed.map((item) => ({ kind: 'item' as const, item })));
      for (const item of routed) known.set(item.id, item);
      dirty = true;
      router.announce(routed);
    },
    async recomputeDeadlines() {
      if (!journal) return 0;
      const charter = options.settings().charter;
      const calendar = options.calendar?.();
      const moved: InboxItem[] = [];
      for (const item of known.values()) {
        if (item.deadlineExplicit) continue;
        const deadline = computeDeadline(
          { receivedAt: item.receivedAt, channel: item.channel, priority: item.priority },
          charter,
          calendar,
        );
        if (deadline !== item.deadline) moved.push({ ...item, deadline });
      }
      if (moved.length === 0) return 0;
      await journal.append(moved.map((item) => ({ kind: 'item' as const, item })));
      for (const item of moved) known.set(item.id, item);
      dirty = true;
      return moved.length;
    },
    async setDeadline(id, deadline) {
      if (!journal) throw new Error('setDeadline used before the journal was attached');
      const item = known.get(id);
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
      await journal.append([{ kind: 'item', item: next }]);
      known.set(id, next);
      dirty = true;
      return next.deadline;
    },
    list: () =>
      [...known.values()].sort((a, b) => b.ingestedAt - a.ingestedAt || b.receivedAt - a.receivedAt),
    async retract(id) {
      if (!journal) throw new Error('retract used before the journal was attached');
      if (!known.has(id)) return false;
      // Dropped first: a crash before the journal entry leaves an item the client's retry retracts.
      await router?.drop([id]);
      await journal.append([{ kind: 'retract', id }]);
      known.delete(id);
      dirty = true;
      if (overrides.get(id)) await overrides.save(new Map([[id, null]]));
      return true;
    },
    // Serial, so an older snapshot can never land after a newer one.
    flush: () =>
      saving(async () => {
        if (!dirty) return;
        // Cleared before writing: an ingest that lands during the write marks the memory dirty again.
        dirty = false;
        const cutoff = options.clock.now() - REMEMBER_MS;
        for (const [id, item] of known) if (item.ingestedAt < cutoff) known.delete(id);
        const forgotten = overrides.ids().filter((id) => !known.has(id));
        try {
          await writeFileAtomic(file, JSON.stringify([...known.values()]));
          if (forgotten.length > 0) await overrides.save(new Map(forgotten.map((id) => [id, null])));
        } catch (error) {
          dirty = true;
          throw error;
        }
      }),
  };
}
