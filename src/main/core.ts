import type { CoreHandlers } from '../shared/contract';
import { LullError } from '../shared/contract';
import { ensureDataDir } from './data-dir';
import { type CoreEvents, createCoreEvents } from './events';
import { createFocusService, type FocusService } from './focus-service';
import { createIngestService, type IngestService } from './ingest-service';
import { type Journal, openJournal } from './journal';
import type { Clock, Logger, SecretStore } from './ports';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { loadOrCreateToken } from './token';

export interface CoreOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  secrets: SecretStore;
  version: string;
  host: 'desktop' | 'browser';
}

export interface Core {
  readonly options: CoreOptions;
  readonly settings: SettingsStore;
  readonly journal: Journal;
  readonly focus: FocusService;
  readonly ingest: IngestService;
  readonly events: CoreEvents;
  readonly token: string;
  readonly handlers: CoreHandlers;
  /** The host tells the core where its HTTP API listens, once it does. */
  setApiUrl(url: string): void;
  close(): Promise<void>;
}

/** Everything the main process decides, with no Electron in sight. Both hosts start exactly this. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const { dataDir, clock, logger } = options;
  await ensureDataDir(dataDir);
  const settings = await createSettingsStore({ dataDir, clock, logger });
  const ingest = await createIngestService({ dataDir, clock, logger, settings: settings.get });
  const journal = await openJournal({ dataDir, logger, beforeCompact: ingest.flush });
  ingest.attach(journal);
  const focus = await createFocusService({ dataDir, clock, logger });
  const token = await loadOrCreateToken(options.secrets);
  const events = createCoreEvents((error) => logger.error(`event listener failed: ${String(error)}`));
  let apiUrl = '';

  journal.onAppended((lastSeq) => events.emit('journal:appended', { lastSeq }));
  focus.onChange((status, previous) => {
    events.emit('focus:changed', status);
    // History records sessions; extending a running session is not a new one.
    if (previous.active === status.active) return;
    const at = clock.now();
    const entries = [];
    if (previous.active)
      entries.push({ kind: 'event' as const, event: { type: 'focus-ended' as const, at } });
    if (status.active && status.cause) {
      entries.push({
        kind: 'event' as const,
        event: { type: 'focus-started' as const, at, cause: status.cause, until: status.until },
      });
    }
    journal
      .append(entries)
      .catch((error) => logger.error(`could not record focus history: ${String(error)}`));
  });

  const handlers: CoreHandlers = {
    'app:get-info': async () => {
      if (!apiUrl) throw new LullError('not-ready', 'The local API is still starting');
      return { version: options.version, apiUrl, token, host: options.host };
    },
    'focus:get-status': async () => focus.status(),
    'focus:set': (request) => focus.set(request),
    'journal:pull': async ({ sinceSeq, limit }) => journal.pull(sinceSeq, limit),
    'journal:ack': async ({ seq }) => ({ ackedSeq: await journal.ack(seq) }),
  };

  return {
    options,
    settings,
    journal,
    focus,
    ingest,
    events,
    token,
    handlers,
    setApiUrl: (url) => {
      apiUrl = url;
    },
    async close() {
      focus.close();
      await ingest.flush();
      await journal.close();
    },
  };
}
