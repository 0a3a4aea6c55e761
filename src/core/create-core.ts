import type { AppInfo, CoreHandlers } from '../shared/contract';
import { LullError } from '../shared/contract';
import { charterWarnings } from '../shared/delivery';
import { isSafeHttpUrl } from '../shared/schemas';
import type { WorkingCalendar } from '../shared/working-time';
import { type BackupService, createBackupService } from './backup/backup-service';
import { type Batcher, createBatcher } from './delivery/delivery-service';
import { type CoreEvents, createCoreEvents } from './events';
import { createFocusService, type FocusService } from './focus/focus-engine';
import { openActionRegistry } from './inbox/action-registry';
import { createIngestService, type IngestService } from './inbox/ingest-service';
import { createSnoozeService } from './inbox/snooze-service';
import { type Journal, type JournalPayload, openJournal } from './journal/journal';
import { createSerialQueue } from './lib/serial';
import type { Clock, Logger, OpenExternal, SecretStore } from './ports';
import { createCalendarMemo } from './settings/calendar';
import { createSettingsStore, type SettingsStore } from './settings/settings-store';
import { createSourceHandlers, createSourcesForCore, type SourcesService } from './sources';
import { createToken, loadOrCreateToken } from './token';

export interface CoreOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  secrets: SecretStore;
  version: string;
  host: 'desktop' | 'browser';
  /** The system's IANA zone, read afresh on every call (it changes when the user travels). */
  systemZone?: () => string;
  /** Opens a link in the user's browser; absent where the host cannot (the page opens it itself). */
  openExternal?: OpenExternal;
}

export const readSystemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface Core {
  readonly options: CoreOptions;
  readonly settings: SettingsStore;
  readonly journal: Journal;
  readonly focus: FocusService;
  readonly ingest: IngestService;
  readonly batcher: Batcher;
  readonly backup: BackupService;
  readonly sources: SourcesService;
  readonly events: CoreEvents;
  /** The current API token; read it on every check, since rotation replaces it. */
  readonly token: string;
  readonly handlers: CoreHandlers;
  /** A new API token; the old one is refused from the moment this resolves (HTTP and WebSocket). */
  rotateToken(): Promise<AppInfo>;
  /** The user's working calendar: settings' hours and holidays in their zone (or the system's). */
  calendar(): WorkingCalendar;
  /**
   * Starts what acts on its own (releases, including one a crash interrupted). Hosts call it once
   * their notifiers are subscribed to the core's events, so nothing is announced to nobody.
   */
  start(): Promise<void>;
  /** The host tells the core where its HTTP API listens, once it does. */
  setApiUrl(url: string): void;
  /** The desktop host reports whether the global shortcut could be registered. */
  setShortcutStatus(status: AppInfo['shortcut']): void;
  close(): Promise<void>;
}

/** Everything the main process decides, with no Electron in sight. Both hosts start exactly this. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { dataDir, clock, logger } = options;
  const settings = await createSettingsStore({ dataDir, clock, logger });
  const systemZone = options.systemZone ?? readSystemZone;
  const calendar = createCalendarMemo(settings, systemZone);
  const ingest = await createIngestService({ dataDir, clock, logger, settings: settings.get, calendar });
  const journal = await openJournal({ dataDir, logger, beforeCompact: ingest.flush });
  const focus = await createFocusService({
    dataDir,
    clock,
    logger,
    rules: () => settings.get().focusRules,
    calendar,
  });
  let token = await loadOrCreateToken(options.secrets);
  const rotating = createSerialQueue();
  const events = createCoreEvents((error) => logger.error(`event listener failed: ${String(error)}`));
  const batcher = await createBatcher({
    dataDir,
    clock,
    logger,
    settings: settings.get,
    calendar,
    focus,
    journal,
    events,
  });
  ingest.attach(journal, batcher);
  const backup = createBackupService({ events, settings, clock });
  const snoozes = await createSnoozeService({
    dataDir,
    clock,
    logger,
    journal,
    known: ingest.known,
    reroute: (items) => ingest.reroute(items),
  });
  const sources = await createSourcesForCore({ ...options, settings, ingest, events, calendar });
  const actions = await openActionRegistry({ dataDir, clock, logger });
  let apiUrl = '';
  let shortcut: AppInfo['shortcut'] = null;
  const appInfo = (): AppInfo => ({ version: options.version, apiUrl, token, host: options.host, shortcut });
  const rotateToken = () =>
    rotating(async () => {
      token = await createToken(options.secrets);
      if (apiUrl) events.emit('app:info-changed', appInfo());
      return appInfo();
    });

  journal.onAppended((lastSeq) => events.emit('journal:appended', { lastSeq }));
  focus.onChange((status) => events.emit('focus:changed', status));
  settings.onChange((next) => {
    events.emit('settings:changed', next);
    focus.recompute();
    batcher.recompute();
  });
  // History records each session once, by transition: a clock set back does not record it again.
  focus.onTransition(({ at, status, previous }) => {
    const entries: JournalPayload[] = [];
    if (previous.active) entries.push({ kind: 'event', event: { type: 'focus-ended', at } });
    if (status.active && status.cause) {
      entries.push({
        kind: 'event',
        event: {
          type: 'focus-started',
          at,
          cause: status.cause,
          until: status.until,
          ruleName: status.ruleName,
        },
      });
    }
    journal
      .append(entries)
      .catch((error) => logger.error(`could not record focus history: ${String(error)}`));
  });

  const handlers: CoreHandlers = {
    'app:get-info': async () => {
      if (!apiUrl) throw new LullError('not-ready', 'The local API is still starting');
      return appInfo();
    },
    'app:rotate-token': () => rotateToken(),
    'app:open-external': async ({ url }) => {
      // The contract validated it already; checked again because this is where it leaves the app.
      if (!isSafeHttpUrl(url)) throw new LullError('invalid-payload', 'Only http(s) links can be opened');
      if (!options.openExternal) return { opened: false };
      return { opened: await options.openExternal(new URL(url).href) };
    },
    'focus:get-status': async () => focus.status(),
    'focus:set': (request) => focus.set(request),
    'settings:get': async () => settings.get(),
    'focus:save-rules': async ({ rules }) => (await settings.update({ focusRules: rules })).focusRules,
    'settings:save-charter': async ({ charter }) => {
      await settings.update({ charter });
      return { charter: settings.get().charter, recomputed: await ingest.recomputeDeadlines() };
    },
    'settings:save-working-time': async (change) => {
      await settings.update(change);
      return { recomputed: await ingest.recomputeDeadlines() };
    },
    'settings:save-delivery': async ({ delivery }) => (await settings.update({ delivery })).delivery,
    'digest:check-charter': async ({ delivery }) =>
      charterWarnings(delivery ?? settings.get().delivery, settings.get().charter, calendar(), clock.now()),
    'digest:peek': async () => batcher.status(),
    'digest:release': () => batcher.releaseNow(),
    'inbox:set-state': async ({ ids, state, snoozeUntil, actionId }) => {
      // The inbox itself lives in the renderer; the core only needs to stop holding what is handled
      // and to wake snoozed items at their time.
      const result = await actions.once({ id: actionId, command: 'inbox:set-state', ids }, async () => {
        if (state !== 'open') await batcher.drop(ids);
        await snoozes.set(ids, state === 'snoozed' ? (snoozeUntil ?? null) : null);
        if (state === 'done') sources.onItemsDone(ids);
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
    ...createSourceHandlers(sources),
  };

  return {
    options,
    settings,
    journal,
    focus,
    ingest,
    batcher,
    backup,
    sources,
    events,
    get token() {
      return token;
    },
    handlers,
    rotateToken,
    calendar,
    async start() {
      focus.start();
      await batcher.start();
      await snoozes.start();
      sources.start();
    },
    setApiUrl: (url) => {
      apiUrl = url;
      events.emit('app:info-changed', appInfo());
    },
    setShortcutStatus: (status) => {
      shortcut = status;
      if (apiUrl) events.emit('app:info-changed', appInfo());
    },
    async close() {
      await sources.close();
      await actions.close();
      await batcher.close();
      await focus.close();
      await ingest.flush();
      await journal.close();
    },
  };
}
