import { type HttpApi, startHttpApi } from '../../api/http/server';
import { type Core, createCore } from '../../core/create-core';
import { type Clock, type Logger, type OpenExternal, type SecretStore, systemClock } from '../../core/ports';
import { ensureDataDir } from '../common/data-dir';
import { removeRuntimeFile, writeRuntimeFile } from '../common/runtime-file';
import { APP_VERSION } from '../common/version';

export interface DesktopServices {
  core: Core;
  api: Pick<HttpApi, 'url' | 'port' | 'close'>;
  /** Closes the API, flushes and closes the core, and removes the runtime file, in that order. */
  stop(): Promise<void>;
}

/**
 * The plain-Node half of the desktop host: the core, the local HTTP API on loopback, and the runtime
 * file that tells scripts where it listens. Nothing here knows about Electron.
 */
export async function startDesktopServices(options: {
  dataDir: string;
  port: number;
  secrets: SecretStore;
  logger: Logger;
  clock?: Clock;
  /** Opens a link in the user's browser (Electron's shell), for `app:open-external`. */
  openExternal?: OpenExternal;
  /**
   * Subscribes the host's notifiers before anything can happen: before the API takes its first update,
   * and before the core starts and may release (or re-show, after a crash) a digest. Returns what undoes
   * it; stop() calls that before closing the core.
   */
  beforeStart?(core: Core): () => void;
}): Promise<DesktopServices> {
  const { dataDir, logger } = options;
  const clock = options.clock ?? systemClock;
  await ensureDataDir(dataDir);
  const core = await createCore({
    dataDir,
    clock,
    logger,
    secrets: options.secrets,
    version: APP_VERSION,
    host: 'desktop',
    openExternal: options.openExternal,
  });
  let unsubscribe = () => {};
  let api: HttpApi | null = null;
  try {
    unsubscribe = options.beforeStart?.(core) ?? unsubscribe;
    api = await startHttpApi(core, { port: options.port });
    core.setApiUrl(api.url);
    await core.start();
  } catch (error) {
    unsubscribe();
    await api?.close();
    await core.close();
    throw error;
  }
  await writeRuntimeFile(dataDir, {
    pid: process.pid,
    port: api.port,
    apiUrl: api.url,
    host: 'desktop',
    version: APP_VERSION,
    startedAt: clock.now(),
  });
  return {
    core,
    api,
    async stop() {
      unsubscribe();
      await api.close();
      await core.close();
      await removeRuntimeFile(dataDir);
    },
  };
}
