import path from 'node:path';
import { type HttpApi, startHttpApi } from '../../api/http/server';
import { type Core, createCore } from '../../core/create-core';
import { type Clock, type Logger, systemClock } from '../../core/ports';
import { WS_CLOSE } from '../../shared/ws-protocol';
import { ensureDataDir } from '../common/data-dir';
import { createFileSecretStore } from '../common/file-secret-store';
import { removeRuntimeFile, writeRuntimeFile } from '../common/runtime-file';
import { APP_VERSION } from '../common/version';
import { registerStaticRenderer } from './static';
import { registerWebSocket } from './ws';

export interface BrowserHostOptions {
  dataDir: string;
  port: number;
  rendererDir: string;
  logger: Logger;
  clock?: Clock;
}

export interface BrowserHost {
  core: Core;
  api: HttpApi;
  /** The link to open, with the token in the fragment (never sent to a server, never logged by one). */
  pageUrl: string;
  stop(): Promise<void>;
}

/** The same core as the desktop app, with the renderer served to a browser and IPC over WebSocket. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const dataDir = await ensureDataDir(path.resolve(options.dataDir));
  const core = await createCore({
    dataDir,
    clock: options.clock ?? systemClock,
    logger: options.logger,
    secrets: createFileSecretStore(dataDir),
    version: APP_VERSION,
    host: 'browser',
    // No openExternal: this process cannot open a browser for the user. `app:open-external` answers
    // { opened: false } and the page opens the link itself.
  });
  let sockets = new Set<import('ws').WebSocket>();
  let api: HttpApi;
  try {
    api = await startHttpApi(core, {
      port: options.port,
      extend: async (app, { port }) => {
        sockets = await registerWebSocket(app, core);
        await registerStaticRenderer(app, options.rendererDir, port);
      },
    });
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
    host: 'browser',
    version: APP_VERSION,
    startedAt: Date.now(),
  });
  return {
    core,
    api,
    pageUrl: `${api.url}/#token=${encodeURIComponent(core.token)}`,
    async stop() {
      for (const socket of sockets) socket.close(WS_CLOSE.goingAway, 'Lull is shutting down');
      await api.close();
      await core.close();
      await removeRuntimeFile(dataDir);
    },
  };
}
