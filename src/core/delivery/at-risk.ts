import path from 'node:path';
import { z } from 'zod';
import { REMINDER_GROUP_MS, reminderAt, reminderMayShow, reminderText } from '../../shared/at-risk';
import type { InboxItem } from '../../shared/schemas';
import type { Settings } from '../../shared/settings-schema';
import type { WorkingCalendar } from '../../shared/working-time';
import type { CoreEvents } from '../events';
import type { FocusEngine } from '../focus/focus-engine';
import type { ItemStore, UserState } from '../inbox/item-store';
import type { Journal } from '../journal/journal';
import { readJsonFile, writeFileAtomic } from '../lib/atomic-file';
import type { Unsubscribe } from '../lib/emitter';
import { createSerialQueue } from '../lib/serial';
import type { WakeScheduler } from '../lib/wake-timer';
import type { Clock, Logger } from '../ports';
import { createReminderIndex } from './reminder-index';

export const REMINDERS_FILE = 'reminders.json';
/** A reminder record is kept this long past its deadline; after that it can suppress nothing. */
const KEEP_AFTER_DEADLINE_MS = 24 * 60 * 60_000;

/** Per item: the deadline it was reminded of, and when. */
const fileSchema = z.record(z.string(), z.object({ deadline: z.number(), at: z.number() }));
type Reminded = z.output<typeof fileSchema>;

export interface AtRiskService {
  /** Looks at the open items now and arms the wake for the next reminder: call once notifiers listen. */
  start(): void;
  /** Resolves once the reminders decided so far are recorded and announced. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export interface AtRiskOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  settings: () => Settings;
  calendar: () => WorkingCalendar;
  focus: Pick<FocusEngine, 'status' | 'onChange'>;
  store: Pick<ItemStore, 'items' | 'userState' | 'get'>;
  /** Held items are not reminded: the deadline promise lets them through in time. */
  /** Whether an update waits in the held queue (a lookup, not a copy of the queue). */
  isHeld: (id: string) => boolean;
  events: CoreEvents;
  /** New items and moved deadlines are journaled: the reminder index follows the journal's tail. */
  journal: Pick<Journal, 'entries' | 'lastSeq' | 'onAppended'>;
  scheduler: WakeScheduler;
}

/** When the item was last opened for the user: reopened, or woken from a snooze. */
function openedAt(user: UserState | undefined): number {
  if (user?.state === 'open') return user.at;
  if (user?.state === 'snoozed') return user.snoozedUntil ?? user.at;
  return Number.NEGATIVE_INFINITY;
}

/** Open for reminding: not done, not (still) snoozed. */
function isOpen(user: UserState | undefined, now: number): boolean {
  if (user?.state === 'done') return false;
  if (user?.state === 'snoozed') return user.snoozedUntil !== undefined && user.snoozedUntil <= now;
  return true;
}

/**
 * At-risk reminders (README "Notifications"): an open item coming within the at-risk window of its
 * deadline gets one notification, several due together share one. An item that arrives already
 * inside its window is not reminded of: its arrival was announced. Which item was reminded of which
 * deadline is written before the notification is announced, so a restart never repeats one; a snooze
 * that returns (or a reopen) makes the item eligible again, as does a deadline that moved. One wake
 * timer, armed for the earliest reminder due.
 */
export async function createAtRiskService(options: AtRiskOptions): Promise<AtRiskService> {
  const { clock, logger, events, store } = options;
  const file = path.join(options.dataDir, REMINDERS_FILE);
  const serial = createSerialQueue();
  const reminded: Reminded = await load();
  let started = false;
  let closed = false;
  const timer = options.scheduler.timer('at-risk', () => void wake());

  async function load(): Promise<Reminded> {
    const read = await readJsonFile(file, fileSchema);
    if (read.status === 'invalid') logger.warn(`${REMINDERS_FILE} unreadable; reminders start afresh`);
    return read.status === 'ok' ? read.data : {};
  }

  async function save(now: number): Promise<void> {
    for (const [id, record] of Object.entries(reminded)) {
      if (!store.get(id) || record.deadline < now - KEEP_AFTER_DEADLINE_MS) delete reminded[id];
    }
    await writeFileAtomic(file, JSON.stringify(reminded));
  }

  const isReminded = (item: InboxItem, user: UserState | undefined) => {
    const record = reminded[item.id];
    return record !== undefined && record.deadline === item.deadline && record.at >= openedAt(user);
  };

  /** When each item is reminded of, kept in step with the journal instead of scanning every item. */
  const index = createReminderIndex({
    reminderAt: (item) => reminderAt(item.deadline, options.settings().delivery, options.calendar()),
    journal: options.journal,
    store,
    clock,
  });

  /** Every reminder due now (and those due within the grouping slack), and when to look next. */
  function plan(now: number): { due: InboxItem[]; nextAt: number | null; breakThrough: boolean } {
    const { delivery: policy } = options.settings();
    const focus = options.focus.status();
    const candidates: { item: InboxItem; at: number }[] = [];
    let nextAt: number | null = index.nextAfter(now + REMINDER_GROUP_MS);
    const later = (at: number | null) => {
      if (at !== null && at > now && (nextAt === null || at < nextAt)) nextAt = at;
    };
    for (const { item, at } of index.dueBy(now + REMINDER_GROUP_MS, now)) {
      if (options.isHeld(item.id)) continue;
      const user = store.userState(item.id);
      if (!isOpen(user, now) || isReminded(item, user)) continue;
      // Arrived inside its window (and not reopened since): its arrival was the notification.
      if (item.ingestedAt >= at && openedAt(user) <= item.ingestedAt) continue;
      candidates.push({ item, at });
    }
    // Grouped only around a reminder that is due: one coming up alone waits for its own time.
    if (!candidates.some(({ at }) => at <= now)) {
      for (const { at } of candidates) later(at);
      return { due: [], nextAt, breakThrough: false };
    }
    const due: InboxItem[] = [];
    for (const { item, at } of candidates) {
      const verdict = reminderMayShow(item, focus, policy, now);
      if (verdict.show) due.push(item);
      else later(verdict.retryAt ?? (at > now ? at : null));
    }
    return { due, nextAt, breakThrough: focus.active };
  }

  function wake(): Promise<void> {
    return serial(async () => {
      if (closed || !started) return;
      if (!options.settings().delivery.atRiskReminders) return timer.arm(null);
      const now = clock.now();
      index.catchUp();
      const { due, nextAt, breakThrough } = plan(now);
      timer.arm(nextAt);
      if (due.length === 0) return;
      for (const item of due) reminded[item.id] = { deadline: item.deadline, at: now };
      // Recorded first: a crash after this loses one reminder rather than repeating it.
      await save(now);
      const text = reminderText(due, options.calendar().zone);
      events.emit('inbox:at-risk', {
        id: `at-risk@${now}:${due.map((item) => item.id).join(',')}`.slice(0, 500),
        at: now,
        dueBy: text.dueBy,
        itemIds: due.map((item) => item.id),
        title: text.title,
        body: text.body,
        breakThrough,
      });
    }).catch((error: unknown) => logger.error(`at-risk reminders failed: ${String(error)}`));
  }

  /** A held item that broke through inside its window was told "would miss its deadline": enough. */
  function markAnnounced(item: InboxItem): void {
    const at = reminderAt(item.deadline, options.settings().delivery, options.calendar());
    const now = clock.now();
    if (at === null || now < at || item.deadline <= now) return;
    reminded[item.id] = { deadline: item.deadline, at: now };
    void serial(() => save(now)).catch((error: unknown) =>
      logger.error(`could not record a reminder: ${String(error)}`),
    );
  }

  // Coalesced: a burst of changes is one look, on the scheduler's next turn.
  const soon = () => {
    if (started && !closed) timer.arm(clock.now());
  };
  const unsubscribers: Unsubscribe[] = [
    options.journal.onAppended(soon),
    options.focus.onChange(soon),
    events.on('settings:changed', () => {
      if (!started || closed) return;
      // The window, working hours or the zone may have changed: every reminder time is computed again.
      index.rebuild();
      soon();
    }),
    events.on('inbox:notify', ({ item, decision }) => {
      if (decision.reason === 'deadline-risk') markAnnounced(item);
    }),
  ];

  return {
    start() {
      started = true;
      index.rebuild();
      void wake();
    },
    settled: () => serial(async () => undefined),
    async close() {
      closed = true;
      timer.close();
      for (const unsubscribe of unsubscribers) unsubscribe();
      await serial(async () => undefined);
    },
  };
}
