/**
 * The desktop host: core and local API, inbox window, digest pop-up, notifications, tray. Wiring only;
 * every piece is created here and handed what it needs. macOS keeps its dock icon: Lull has a real window that people switch to
 * with Cmd+Tab, and the tray icon besides.
 */
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  Notification,
  nativeImage,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  shell,
  Tray,
} from 'electron';
import { readSystemZone } from '../../core/create-core';
import { consoleLogger, systemClock } from '../../core/ports';
import { defaultDataDir } from '../common/data-dir';
import { startHost } from '../common/start-host';
import { mirrorCore } from './core-mirror';
import { forwardCoreEvents, registerIpcHandlers, trustAppFrames } from './ipc';
import { parseLaunchOptions } from './launch-options';
import { manageQuit } from './lifecycle';
import { createNotifier } from './os/notifier';
import { watchClockChanges } from './os/power';
import { createSafeStorageSecretStore } from './os/secret-store';
import { manageFocusShortcut } from './os/shortcut';
import { createTray, type LullTray, loadTrayIcons, toggleFocus } from './tray/tray';
import { createAppOrigin } from './windows/app-origin';
import { createDigestPopup, DIGEST_ROUTES } from './windows/digest-window';
import {
  type AppWindow,
  appRouteUrl,
  createInboxWindow,
  showWindow,
  showWindowAt,
} from './windows/inbox-window';
import { registerAppScheme, serveRenderer } from './windows/protocol';

/** The built layout: out/main/index.js beside out/preload and out/renderer, resources/ at the app root. */
const BUILT = {
  preload: path.join(__dirname, '../preload/index.js'),
  renderer: path.join(__dirname, '../renderer'),
  resources: path.join(__dirname, '../../resources'),
};
const logger = consoleLogger('lull');

async function main(): Promise<void> {
  const launch = parseLaunchOptions(process.argv, process.env);
  // Named explicitly so `electron out/main/index.js` uses Lull's folder, not one called "Electron";
  // a data dir of its own is a separate Lull with its own single-instance lock.
  const dataDir = launch.dataDir ?? defaultDataDir();
  app.setName('Lull');
  app.setPath('userData', dataDir);
  if (!app.requestSingleInstanceLock()) return app.quit(); // the running Lull shows its window instead
  let inbox: AppWindow | null = null;
  app.on('second-instance', () => showWindow(inbox));
  app.on('activate', () => showWindow(inbox));
  if (process.platform === 'win32') app.setAppUserModelId('app.lull.desktop');
  await app.whenReady();

  const origin = createAppOrigin(process.env.ELECTRON_RENDERER_URL);
  // Callers pass only URLs that passed isSafeHttpUrl: the window's link handler and the core's
  // app:open-external, whose payload the contract validated.
  const openExternal = (url: string) =>
    shell.openExternal(url).then(
      () => true,
      (error: unknown) => {
        logger.warn(`could not open ${url}: ${String(error)}`);
        return false;
      },
    );
  let tray: LullTray | null = null;
  // Created first, its window only on demand: a notification may be clicked as soon as the core starts.
  const popup = createDigestPopup({
    BrowserWindow,
    screen,
    origin,
    preloadPath: BUILT.preload,
    openExternal,
    logger,
    platform: process.platform,
    trayBounds: () => (tray && !tray.tray.isDestroyed() ? tray.tray.getBounds() : null),
  });
  const openInboxAt = (itemId: string | null) =>
    itemId === null
      ? showWindow(inbox)
      : showWindowAt(
          inbox,
          appRouteUrl(origin.entryUrl, `/inbox?item=${encodeURIComponent(itemId)}`),
          logger,
        );

  const { core, api, stop } = await startHost({
    host: 'desktop',
    dataDir,
    port: launch.port,
    secrets: (dir) => createSafeStorageSecretStore(dir, safeStorage, logger),
    logger,
    openExternal,
    beforeStart: (started) =>
      createNotifier({
        Notification,
        events: started.events,
        platform: process.platform,
        openDigest: () => popup.show(DIGEST_ROUTES.digest),
        openInbox: openInboxAt,
        logger,
        iconPath: path.join(BUILT.resources, 'icon.png'),
      }).dispose,
  });
  const disposers: Array<() => void> = [];
  const quit = manageQuit(
    app,
    async () => {
      for (const dispose of disposers.reverse()) dispose();
      await stop();
    },
    logger,
  );

  disposers.push(serveRenderer(protocol, BUILT.renderer));
  disposers.push(registerIpcHandlers(ipcMain, core.handlers, trustAppFrames(origin)));
  const win = createInboxWindow({
    BrowserWindow,
    origin,
    preloadPath: BUILT.preload,
    isQuitting: quit.isQuitting,
    openExternal,
    logger,
    iconPath: path.join(BUILT.resources, 'icon.png'),
  });
  inbox = win;
  disposers.push(forwardCoreEvents(core.events, () => (win.isDestroyed() ? null : win.webContents)));
  disposers.push(forwardCoreEvents(core.events, popup.webContents));
  disposers.push(popup.close);
  const mirror = await mirrorCore(core, logger);
  disposers.push(mirror.dispose);
  const lullTray = createTray({
    electron: { Tray, Menu },
    core,
    mirror,
    icons: loadTrayIcons(nativeImage, BUILT.resources, process.platform, logger),
    clock: systemClock,
    platform: process.platform,
    openInbox: () => showWindow(win),
    openFocusSettings: () => showWindowAt(win, appRouteUrl(origin.entryUrl, '/focus'), logger),
    peekHeld: () => popup.show(DIGEST_ROUTES.peek),
    quit: () => app.quit(),
    logger,
  });
  tray = lullTray;
  disposers.push(lullTray.dispose);
  disposers.push(
    manageFocusShortcut({
      globalShortcut,
      core,
      settings: mirror.settings,
      toggle: () => toggleFocus(core, mirror, logger),
      platform: process.platform,
      logger,
    }),
  );
  // Timers stop while asleep and zones change under travellers: re-read the clock at once.
  disposers.push(
    watchClockChanges({
      powerMonitor,
      clock: systemClock,
      readZone: readSystemZone,
      recompute: () => {
        core.recompute();
        void mirror.refresh();
      },
      logger,
    }),
  );
  logger.info(`desktop host ready; local API at ${api.url}`);
}

// Privileged schemes must be registered before the app is ready.
registerAppScheme(protocol);
main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  logger.error(`could not start: ${message}`);
  dialog.showErrorBox('Lull could not start', message);
  app.exit(1);
});
