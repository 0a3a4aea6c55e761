import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  NavigationHistory,
  Session,
  WebContents,
  WebPreferences,
} from 'electron';
import type { Logger } from '../../../core/ports';
import { isSafeHttpUrl } from '../../../shared/schemas';
import type { AppOrigin } from './app-origin';

/** A window's page as Lull guards it and talks to it: Electron's WebContents, cut to what is called. */
export type AppWebContents = Pick<
  WebContents,
  'on' | 'setWindowOpenHandler' | 'getURL' | 'send' | 'isDestroyed'
> & {
  readonly session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;
  readonly navigationHistory: Pick<NavigationHistory, 'clear'>;
};

/** A Lull window: Electron's BrowserWindow, cut to what is called. */
export type AppWindow = Pick<
  BrowserWindow,
  | 'on'
  | 'once'
  | 'loadURL'
  | 'show'
  | 'hide'
  | 'focus'
  | 'restore'
  | 'isMinimized'
  | 'isDestroyed'
  | 'close'
  | 'setPosition'
> & { readonly webContents: AppWebContents };

/** Electron's `BrowserWindow` class as the windows create it; main.ts passes the real one. */
export type AppWindowConstructor = new (options: BrowserWindowConstructorOptions) => AppWindow;

type ShowableWindow = Pick<AppWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus'>;

export interface AppWindowOptions {
  BrowserWindow: AppWindowConstructor;
  origin: AppOrigin;
  /** out/preload/index.js: the only code with access to ipcRenderer, exposing `window.lull`. */
  preloadPath: string;
  /** Hands a link the page tried to open to the system browser (already checked to be http or https). */
  openExternal(url: string): void;
  logger: Logger;
}

export interface InboxWindowOptions extends AppWindowOptions {
  /** True once the user chose Quit: only then does closing the window really close it. */
  isQuitting(): boolean;
  iconPath?: string;
}

/**
 * What every Lull window's page runs with (DESIGN.md "Security posture"): sandboxed, isolated, no Node,
 * the curated preload as its only bridge. One definition, so no window can drift from it.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
  };
}

/**
 * Locks a window's page to the app: no navigation away, no new windows (plain web links go to the
 * browser), no permissions, no <webview>.
 */
export function guardWebContents(webContents: AppWebContents, options: AppWindowOptions, name: string): void {
  const { origin, logger } = options;
  webContents.on('will-navigate', (event) => {
    if (!origin.isAppUrl(event.url)) event.preventDefault();
  });
  webContents.on('will-redirect', (event) => {
    if (!origin.isAppUrl(event.url)) event.preventDefault();
  });
  webContents.on('will-attach-webview', (event) => event.preventDefault());
  webContents.setWindowOpenHandler(({ url }) => {
    // Never a new Electron window; a plain web link the user clicked opens in their browser instead.
    if (isSafeHttpUrl(url)) options.openExternal(url);
    return { action: 'deny' };
  });
  webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  webContents.session.setPermissionCheckHandler(() => false);
  webContents.on('render-process-gone', (_event, details) => {
    logger.error(`the ${name} renderer stopped: ${details.reason}`);
  });
}

/**
 * The inbox window, locked down as DESIGN.md "Security posture" requires: sandboxed, isolated, no Node,
 * no navigation away from the app, no new windows, no permissions, no <webview>.
 */
export function createInboxWindow(options: InboxWindowOptions): AppWindow {
  const { BrowserWindow, origin, logger } = options;
  const win = new BrowserWindow({
    title: 'Lull',
    width: 1000,
    height: 720,
    minWidth: 640,
    minHeight: 480,
    show: false,
    autoHideMenuBar: true,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  });

  win.once('ready-to-show', () => win.show());
  // Lull lives in the tray: closing the window only hides it until the user quits.
  win.on('close', (event) => {
    if (options.isQuitting()) return;
    event.preventDefault();
    win.hide();
  });
  guardWebContents(win.webContents, options, 'inbox');

  win.loadURL(origin.entryUrl).catch((error: unknown) => {
    logger.error(`could not load the inbox from ${origin.entryUrl}: ${String(error)}`);
  });
  return win;
}

/** Brings the window back from the tray, a minimised state or behind other windows. */
export function showWindow(win: ShowableWindow | null | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** The app's entry URL with a renderer route in its hash, e.g. `lull://app/index.html#/focus`. */
export function appRouteUrl(entryUrl: string, route: `/${string}`): string {
  const url = new URL(entryUrl);
  url.hash = route;
  return url.href;
}

/**
 * Shows the window on a renderer route. Only the hash differs from the loaded page, so Chromium
 * navigates within the document (the renderer hears `hashchange`) instead of reloading the app.
 */
export function showWindowAt(
  win: (ShowableWindow & Pick<AppWindow, 'loadURL'>) | null | undefined,
  url: string,
  logger: Logger,
): void {
  if (!win || win.isDestroyed()) return;
  win.loadURL(url).catch((error: unknown) => logger.warn(`could not open ${url}: ${String(error)}`));
  showWindow(win);
}
