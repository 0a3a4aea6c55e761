import type { AppInfo, CommandName } from '../shared/contract';
import { dispatchCommand, LullError } from '../shared/contract';
import { createBackupService } from './backup/backup-service';
import type { Core } from './core-types';
import { createAtRiskService } from './delivery/at-risk';
import { createDeliveryService } from './delivery/delivery-service';
import { createCoreEvents } from './events';
import { createFocusEngine } from './focus/focus-engine';
import { createCoreHandlers } from './handlers';
import { openActionRegistry } from './inbox/action-registry';
import { createIngestService } from './inbox/ingest-service';
import { openItemStore } from './inbox/item-store';
import { createSnoozeService } from './inbox/snooze-service';
import { type JournalPayload, openJournal } from './journal/journal';
import { createSerialQueue } from './lib/serial';
import { createWakeScheduler } from './lib/wake-timer';
import type { Clock, Logger, OpenExternal, SecretStore } from './ports';
import { createCalendarMemo } from './settings/calendar';
import { createSettingsStore } from './settings/settings-store';
import { createSourcesForCore } from './sources';
import { createToken, loadOrCreateToken } from './token';

export type { Core, LocalApiHandlers } from './core-types';

export interface CoreOptions {
  /** An existing directory (the host creates it and sets its permissions). */
  dataDir: string;
  clock: Clock;
  logger: Logger;
  secrets: SecretStore;
  version: string;
  host: 'desktop' | 'browser';
  /** The system's IANA zone; read at start and on every `recompute()`, not on every deadline. */
  systemZone?: () => string;
  /** Opens a link in the user's browser; absent where the host cannot (the page opens it itself). */
  openExternal?: OpenExternal;
}

export const readSystemZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Everything the main process decides, with no Electron in sight; both hosts start exactly this.
 * Composition only: each service is created with what it needs (no attach-later cycles), the
 * handlers come from `createCoreHandlers`, and `close()` stops them in the reverse order.
 */
export async function createCore(options: CoreOptions): Promise<Core> {
  return (await composeCore(options)).core;
}

/** The core and its parts; tests inspect the parts, hosts only ever get `core`. */
export async function composeCore(options: CoreOptions) {
  const closers: Array<() => Promise<void> | void> = [];
  try {
    return await compose(options, closers);
  } catch (error) {
    // What was opened before the failure closes again, so a retry finds no file held open.
    for (const close of closers.reverse()) await Promise.resolve(close()).catch(() => undefined);
    throw error;
  }
}

async function compose(options: CoreOptions, closers: Array<() => Promise<void> | void>) {
  const { dataDir, clock, logger } = options;
  const readZone = options.systemZone ?? readSystemZone;
  let systemZone = readZone();
  const scheduler = createWakeScheduler(clock, (name, error) =>
    logger.error(`${name} wake-up failed: ${String(error)}`),
  );
  closers.push(() => scheduler.close());
  const events = createCoreEvents((error) => logger.error(`event listener failed: ${String(error)}`));

  const settings = await createSettingsStore({ dataDir, clock, logger });
  const calendar = createCalendarMemo(settings, () => systemZone);
  /** What most services take: where their files go, the clock and its one timer, settings and hours. */
  const common = { dataDir, clock, logger, scheduler, settings: settings.get, calendar };

  const store = await openItemStore({ dataDir, clock, logger });
  closers.push(() => store.close());
  const journal = await openJournal({ dataDir, logger });
  closers.push(() => journal.close());
  if (store.fresh) {
    // A data dir from before the item store: the journal still holds what no window has acked.
    const replay = journal.entries();
    for (const entry of replay) {
      if (entry.kind === 'item') await store.put([entry.item]);
      else if (entry.kind === 'retract') await store.remove([entry.id]);
    }
  }
  const focus = await createFocusEngine({
    ...common,
    rules: () => settings.get().focusRules,
  });
  closers.push(() => focus.close());
  const delivery = await createDeliveryService({
    ...common,
    focus,
    journal,
    store,
    events,
  });
  closers.push(() => delivery.close());
  const atRisk = await createAtRiskService({
    ...common,
    focus,
    store,
    isHeld: (id) => delivery.isHeld(id),
    events,
    journal,
  });
  closers.push(() => atRisk.close());
  const ingest = await createIngestService({
    ...common,
    store,
    journal,
    router: delivery,
  });
  const snoozes = await createSnoozeService({
    ...common,
    journal,
    known: ingest.known,
    reroute: async (items) => {
      // Woken: open again in the core's memory too, so a window rebuilt later shows it in the inbox.
      await store.setState(
        items.map((item) => item.id),
        { state: 'open', at: clock.now() },
      );
      await ingest.reroute(items);
    },
  });
  closers.push(() => snoozes.close());
  const actions = await openActionRegistry({ dataDir, clock, logger });
  closers.push(() => actions.close());
  const backup = createBackupService({ events, settings, clock });
  const sources = await createSourcesForCore({ ...options, settings, ingest, events, calendar });
  closers.push(() => sources.close());

  let token = await loadOrCreateToken(options.secrets);
  let apiUrl = '';
  let shortcut: AppInfo['shortcut'] = null;
  const rotating = createSerialQueue();
  const app = {
    info: (): AppInfo => ({ version: options.version, apiUrl, token, host: options.host, shortcut }),
    ready: () => apiUrl !== '',
    rotateToken: () =>
      rotating(async () => {
        token = await createToken(options.secrets);
        if (apiUrl) events.emit('app:info-changed', app.info());
        return app.info();
      }),
    openExternal: options.openExternal,
  };

  const unsubscribers = [
    journal.onAppended((lastSeq) => events.emit('journal:appended', { lastSeq })),
    focus.onChange((status) => events.emit('focus:changed', status)),
    settings.onChange((next) => {
      events.emit('settings:changed', next);
      focus.recompute();
      delivery.recompute();
    }),
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
    }),
  ];
  closers.push(() => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  });

  const handlers = createCoreHandlers({
    app,
    settings,
    focus,
    delivery,
    ingest,
    snoozes,
    actions,
    backup,
    journal,
    store,
    sources,
    calendar,
    clock,
  });

  let closed: Promise<void> | null = null;
  const core: Core = {
    handlers,
    async invoke(command, payload) {
      const envelope = await dispatchCommand(handlers, command as CommandName, payload);
      if (!envelope.ok) throw new LullError(envelope.error.code, envelope.error.message);
      return envelope.value as never;
    },
    events,
    token: () => token,
    setApiUrl(url) {
      apiUrl = url;
      events.emit('app:info-changed', app.info());
    },
    setShortcutStatus(status) {
      shortcut = status;
      if (apiUrl) events.emit('app:info-changed', app.info());
    },
    async start() {
      focus.start();
      await delivery.start();
      await snoozes.start();
      atRisk.start();
      sources.start();
    },
    recompute() {
      systemZone = readZone();
      scheduler.wakeAll();
    },
    close() {
      closed ??= (async () => {
        for (const close of closers.reverse()) await close();
      })();
      return closed;
    },
  };
  return {
    core,
    parts: {
      settings,
      store,
      journal,
      focus,
      delivery,
      atRisk,
      ingest,
      snoozes,
      actions,
      backup,
      sources,
      calendar,
    },
  };
}

export type CoreParts = Awaited<ReturnType<typeof composeCore>>['parts'];
