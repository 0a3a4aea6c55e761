import { type Core, createCore } from '../core';
import { type HttpApi, startHttpApi } from '../http/server';
import { type Clock, type Logger, type SecretStore, systemClock } from '../ports';
import { removeRuntimeFile, writeRuntimeFile } from '../runtime-file';
import { APP_VERSION } from '../version';

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
}): Promise<DesktopServices> {
  const { dataDir, logger } = options;
  const clock = options.clock ?? systemClock;
  const core = await createCore({
    dataDir,
    clock,
    logger,
    secrets: options.secrets,
    version: APP_VERSION,
    host: 'desktop',
  });
  let api: HttpApi;
  try {
    api = await startHttpApi(core, { port: options.port });
  } catch (error) {
    await core.close();
    throw error;
  }
  core.setApiUrl(api.url);
  await core.start();
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
      await api.close();
      await core.close();
      await removeRuntimeFile(dataDir);
    },
  };
}
