import type { AppInfo, SnapshotItem } from '../shared/contract';
import { LullError } from '../shared/contract';
import { charterWarnings } from '../shared/delivery';
import { type InboxItem, isSafeHttpUrl } from '../shared/schemas';
import type { WorkingCalendar } from '../shared/working-time';
import type { BackupService } from './backup/backup-service';
import type { AllHandlers } from './core-types';
import type { DeliveryService } from './delivery/delivery-service';
import type { FocusEngine } from './focus/focus-engine';
import type { ActionRegistry } from './inbox/action-registry';
import type { IngestService } from './inbox/ingest-service';
import type { ItemStore, UserState } from './inbox/item-store';
import type { SnoozeService } from './inbox/snooze-service';
import type { Journal } from './journal/journal';
import type { Clock, OpenExternal } from './ports';
import type { SettingsStore } from './settings/settings-store';
import { createSourceHandlers, type SourcesService } from './sources';

/** The first index whose id sorts after `id`, by binary search. */
function sortedIndexAfter(ids: readonly string[], id: string): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ids[mid]! <= id) low = mid + 1;
    else high = mid;
  }
  return low;
}

function snapshotItem(item: InboxItem, user: UserState | undefined): SnapshotItem {
  if (user?.state === 'done') return { ...item, status: 'done', doneAt: user.at };
  if (user?.state === 'snoozed' && user.snoozedUntil !== undefined) {
    return { ...item, status: 'snoozed', snoozedUntil: user.snoozedUntil };
  }
  return { ...item, status: 'open' };
}

export interface HandlerParts {
  app: {
    info(): AppInfo;
    /** Whether the host has said where the API listens. */
    ready(): boolean;
    rotateToken(): Promise<AppInfo>;
    openExternal: OpenExternal | undefined;
  };
  settings: SettingsStore;
  focus: FocusEngine;
  delivery: DeliveryService;
  ingest: IngestService;
  snoozes: SnoozeService;
  actions: ActionRegistry;
  backup: BackupService;
  journal: Journal;
  store: ItemStore;
  sources: SourcesService;
  calendar: () => WorkingCalendar;
  clock: Clock;
}

/**
 * One handler per command. Inputs arrive validated (the contract for window commands, the API's
 * schemas for its own); handlers hold no logic beyond choosing the service and shaping the answer.
 */
export function createCoreHandlers(parts: HandlerParts): AllHandlers {
  const { app, settings, focus, delivery, ingest, snoozes, actions, backup, journal, store, clock } = parts;
  return {
    'app:get-info': async () => {
      if (!app.ready()) throw new LullError('not-ready', 'The local API is still starting');
      return app.info();
    },
    'app:rotate-token': () => app.rotateToken(),
    'app:open-external': async ({ url }) => {
      // The contract validated it already; checked again because this is where it leaves the app.
      if (!isSafeHttpUrl(url)) throw new LullError('invalid-payload', 'Only http(s) links can be opened');
      if (!app.openExternal) return { opened: false };
      return { opened: await app.openExternal(new URL(url).href) };
    },
    'focus:get-status': async () => focus.status(),
    'focus:set': (request) => focus.set(request),
    'settings:get': async () => settings.get(),
    'settings:save-focus-rules': async ({ rules }) =>
      (await settings.update({ focusRules: rules })).focusRules,
    'settings:save-charter': async ({ charter }) => {
      await settings.update({ charter });
      return { charter: settings.get().charter, recomputed: await ingest.recomputeDeadlines() };
    },
    'settings:save-working-time': async (change) => {
      await settings.update(change);
      return { recomputed: await ingest.recomputeDeadlines() };
    },
    'settings:save-delivery': async ({ delivery: policy }) =>
      (await settings.update({ delivery: policy })).delivery,
    'settings:check-charter': async ({ delivery: policy }) =>
      charterWarnings(
        policy ?? settings.get().delivery,
        settings.get().charter,
        parts.calendar(),
        clock.now(),
      ),
    'digest:peek': async () => delivery.status(),
    'digest:release': () => delivery.releaseNow(),
    'inbox:set-state': async ({ ids, state, snoozeUntil, actionId }) => {
      const result = await actions.once({ id: actionId, command: 'inbox:set-state', ids }, async () => {
        await store.setState(ids, {
          state,
          at: clock.now(),
          ...(state === 'snoozed' && snoozeUntil !== undefined ? { snoozedUntil: snoozeUntil } : {}),
        });
        if (state !== 'open') await delivery.drop(ids);
        await snoozes.set(ids, state === 'snoozed' ? (snoozeUntil ?? null) : null);
        if (state === 'done') parts.sources.onItemsDone(ids);
      });
      return result.duplicate ? { updated: 0, duplicate: true } : { updated: ids.length };
    },
    'inbox:set-deadline': async ({ id, deadline, actionId }) => {
      const result = await actions.once({ id: actionId, command: 'inbox:set-deadline', ids: [id] }, () =>
        ingest.setDeadline(id, deadline),
      );
      if (!result.duplicate) return { deadline: result.value };
      const item = ingest.known(id);
      if (!item) throw new LullError('not-found', `No item ${id}`);
      return { deadline: item.deadline, duplicate: true };
    },
    'backup:respond': async (response) => ({ accepted: backup.respond(response) }),
    'settings:restore': async ({ settings: raw }) => ({ version: (await settings.restore(raw)).version }),
    'journal:pull': async ({ sinceSeq, limit }) => journal.pull(sinceSeq, limit),
    'journal:ack': async ({ seq }) => ({ ackedSeq: await journal.ack(seq) }),
    'inbox:snapshot': async ({ afterId, limit = 500 }) => {
      // The sequence first: whatever changes after this read has a journal entry above it.
      const seq = journal.lastSeq();
      const ids = [...store.items()].map((item) => item.id).sort();
      const start = afterId === undefined ? 0 : sortedIndexAfter(ids, afterId);
      const page = ids.slice(start, start + limit);
      return {
        seq,
        items: page.map((id) => snapshotItem(store.get(id)!, store.userState(id))),
        nextAfterId: start + limit < ids.length ? (page.at(-1) ?? null) : null,
      };
    },
    ...createSourceHandlers(parts.sources),

    'updates:ingest': (updates) => ingest.ingest(updates),
    'updates:list': async ({ status, limit, before }) => {
      const matching = [...store.items()]
        .map((item) => ({ item, held: delivery.isHeld(item.id), seq: store.rev(item.id) }))
        .filter((entry) => status === 'all' || entry.held === (status === 'held'))
        .sort((a, b) => b.seq - a.seq);
      const from = before === undefined ? matching : matching.filter((entry) => entry.seq < before);
      const page = from.slice(0, limit);
      return {
        total: matching.length,
        items: page,
        nextBefore: from.length > limit ? (page.at(-1)?.seq ?? null) : null,
      };
    },
    'updates:retract': async ({ id }) => ({ retracted: await ingest.retract(id) }),
    'backup:export': () => backup.exportBackup(),
    'backup:import': (raw) => backup.importBackup(raw),
    'calendar:get': async () => parts.calendar(),
  };
}
