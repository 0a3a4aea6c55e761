import path from 'node:path';
import { type HttpApi, type HttpApiOptions, startHttpApi } from '../../api/http/server';
import { type Core, type CoreOptions, createCore } from '../../core/create-core';
import { type Clock, type Logger, type OpenExternal, type SecretStore, systemClock } from '../../core/ports';
import { ensureDataDir } from './data-dir';
import { removeRuntimeFile, writeRuntimeFile } from './runtime-file';
import { APP_VERSION } from './version';

export interface StartHostOptions {
  host: CoreOptions['host'];
  dataDir: string;
  port: number;
  /** Made once the data dir exists: a file store there (browser), or the OS keychain (desktop). */
  secrets: (dataDir: string) => SecretStore;
  logger: Logger;
  clock?: Clock;
  systemZone?: () => string;
  /** Opens a link in the user's browser (Electron's shell), for `app:open-external`. */
  openExternal?: OpenExternal;
  /** Routes a host adds to the API (the browser host: the page and its WebSocket). */
  extend?: HttpApiOptions['extend'];
  /**
   * Subscribes the host's notifiers before anything can happen: before the API takes its first
   * update, and before the core starts and may release (or re-show, after a crash) a summary.
   * Returns what undoes it; `stop()` calls that before closing the core.
   */
  beforeStart?(core: Core): () => void;
}

export interface StartedHost {
  core: Core;
  /** The data dir, resolved to an absolute path. */
  dataDir: string;
  api: HttpApi;
  /** Closes the API, then the core, then removes the runtime file; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The one start-up both hosts share: data dir (0700), core, local API on loopback, runtime file. If
 * any step fails, what was started is stopped again, so a failed start leaves no port open and no
 * file held; the error says what failed.
 */
export async function startHost(options: StartHostOptions): Promise<StartedHost> {
  const clock = options.clock ?? systemClock;
  const dataDir = await ensureDataDir(path.resolve(options.dataDir), options.logger);
  const core = await createCore({
    dataDir,
    clock,
    logger: options.logger,
    secrets: options.secrets(dataDir),
    version: APP_VERSION,
    host: options.host,
    openExternal: options.openExternal,
    systemZone: options.systemZone,
  });
  let unsubscribe = () => {};
  let api: HttpApi | null = null;
  try {
    unsubscribe = options.beforeStart?.(core) ?? unsubscribe;
    api = await startHttpApi(core, {
      port: options.port,
      version: APP_VERSION,
      logger: options.logger,
      extend: options.extend,
    });
    core.setApiUrl(api.url);
    await core.start();
    await writeRuntimeFile(dataDir, {
      pid: process.pid,
      port: api.port,
      apiUrl: api.url,
      host: options.host,
      version: APP_VERSION,
      startedAt: clock.now(),
    });
  } catch (error) {
    unsubscribe();
    await api?.close();
    await core.close();
    throw error;
  }
  const started = api;
  let stopping: Promise<void> | null = null;
  return {
    core,
    dataDir,
    api: started,
    stop() {
      stopping ??= (async () => {
        unsubscribe();
        await started.close();
        await core.close();
        await removeRuntimeFile(dataDir);
      })();
      return stopping;
    },
  };
}
