import type { WebSocket } from 'ws';
import type { HttpApi } from '../../api/http/server';
import type { Core } from '../../core/create-core';
import type { Clock, Logger } from '../../core/ports';
import { WS_CLOSE } from '../../shared/ws-protocol';
import { createFileSecretStore } from '../common/file-secret-store';
import { startHost } from '../common/start-host';
import { registerStaticRenderer } from './static';
import { registerWebSocket } from './ws';

export interface BrowserHostOptions {
  dataDir: string;
  port: number;
  rendererDir: string;
  logger: Logger;
  clock?: Clock;
  systemZone?: () => string;
}

export interface BrowserHost {
  core: Core;
  dataDir: string;
  api: HttpApi;
  /** The link to open, with the token in the fragment (never sent to a server, never logged by one). */
  pageUrl: string;
  stop(): Promise<void>;
}

/** The same core as the desktop app, with the renderer served to a browser and IPC over WebSocket. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  let sockets = new Set<WebSocket>();
  const started = await startHost({
    host: 'browser',
    dataDir: options.dataDir,
    port: options.port,
    secrets: createFileSecretStore,
    logger: options.logger,
    clock: options.clock,
    systemZone: options.systemZone,
    // No openExternal: this process cannot open a browser for the user. `app:open-external` answers
    // { opened: false } and the page opens the link itself.
    extend: async (app, { port, core }) => {
      sockets = await registerWebSocket(app, core);
      await registerStaticRenderer(app, options.rendererDir, port);
    },
  });
  const { core, api } = started;
  return {
    core,
    dataDir: started.dataDir,
    api,
    pageUrl: `${api.url}/#token=${encodeURIComponent(core.token())}`,
    async stop() {
      for (const socket of sockets) socket.close(WS_CLOSE.goingAway, 'Lull is shutting down');
      await started.stop();
    },
  };
}
