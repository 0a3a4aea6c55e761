import type { Display, Point, Rectangle, Screen } from 'electron';
import {
  type AppWebContents,
  type AppWindow,
  type AppWindowOptions,
  appRouteUrl,
  guardWebContents,
  secureWebPreferences,
  showWindow,
} from './inbox-window';

export const POPUP_SIZE = { width: 380, height: 480 } as const;
/** Space kept between the pop-up and the tray icon or the edge of the work area. */
const MARGIN = 8;

/** The renderer's digest view: the latest released digest, or (peek) what is held now. */
export const DIGEST_ROUTES = { digest: '/digest', peek: '/digest?peek=1' } as const;
export type DigestRoute = (typeof DIGEST_ROUTES)[keyof typeof DIGEST_ROUTES];

/**
 * Where the pop-up goes: beside `anchor` (the tray icon, or the pointer), below it when the anchor is in
 * the top half of the work area (macOS menu bar, a top panel) and above it otherwise (Windows taskbar),
 * centred on it horizontally; always inside the work area. With no anchor, centred in the work area.
 */
export function popupPosition(
  anchor: Rectangle | null,
  workArea: Rectangle,
  size: { width: number; height: number } = POPUP_SIZE,
): { x: number; y: number } {
  const clamp = (value: number, min: number, max: number) => Math.round(Math.max(min, Math.min(value, max)));
  const minX = workArea.x + MARGIN;
  const maxX = workArea.x + workArea.width - size.width - MARGIN;
  const minY = workArea.y + MARGIN;
  const maxY = workArea.y + workArea.height - size.height - MARGIN;
  if (!anchor) {
    return {
      x: clamp(workArea.x + (workArea.width - size.width) / 2, minX, maxX),
      y: clamp(workArea.y + (workArea.height - size.height) / 2, minY, maxY),
    };
  }
  const centreY = anchor.y + anchor.height / 2;
  const below = centreY < workArea.y + workArea.height / 2;
  return {
    x: clamp(anchor.x + anchor.width / 2 - size.width / 2, minX, maxX),
    y: clamp(below ? anchor.y + anchor.height + MARGIN : anchor.y - size.height - MARGIN, minY, maxY),
  };
}

/**
 * Where the pointer is and which display's work area to stay in: Electron's screen, cut to what is
 * asked, and to the one field of a display that is read.
 */
export type PopupScreen = Pick<Screen, 'getCursorScreenPoint'> & {
  getDisplayNearestPoint(point: Point): Pick<Display, 'workArea'>;
  getPrimaryDisplay(): Pick<Display, 'workArea'>;
};

export interface DigestPopupOptions extends AppWindowOptions {
  screen: PopupScreen;
  /** Tray.getBounds(): real on macOS and Windows; Linux answers all zeros. */
  trayBounds(): Rectangle | null;
  platform: NodeJS.Platform;
}

export interface DigestPopup {
  /** Opens the pop-up on a route, or brings the open one there: there is only ever one. */
  show(route: DigestRoute): void;
  /** The pop-up's page while it is open, so core events reach it too. */
  webContents(): AppWebContents | null;
  close(): void;
}

/**
 * The digest pop-up: a small window near the tray listing released (or, peeking, held) items. Its page
 * runs with the inbox window's security settings and preload; the renderer draws the list, keyboard
 * included, and closes it on Escape with `window.close()`.
 *
 * Blink lets a page close a window no script opened only while the window's history has one entry, so
 * every in-page navigation (peek → digest, or the renderer's own hash changes) clears the history.
 * The pop-up closes when it loses focus on macOS and Windows, as tray pop-ups do there; not on Linux,
 * where some window managers move focus away as a new always-on-top window appears.
 */
export function createDigestPopup(options: DigestPopupOptions): DigestPopup {
  const { BrowserWindow, screen, origin, logger } = options;
  let win: AppWindow | null = null;

  function anchor(): Rectangle | null {
    const tray = options.trayBounds();
    if (tray && tray.width > 0 && tray.height > 0) return tray;
    // Without the icon's position, the pointer is near where the user just clicked (menu or notification);
    // Wayland does not report it (0, 0), and then the pop-up is centred.
    const cursor = screen.getCursorScreenPoint();
    return cursor.x !== 0 || cursor.y !== 0 ? { ...cursor, width: 0, height: 0 } : null;
  }

  function position(): { x: number; y: number } {
    const near = anchor();
    const display = near
      ? screen.getDisplayNearestPoint({ x: near.x + near.width / 2, y: near.y + near.height / 2 })
      : screen.getPrimaryDisplay();
    return popupPosition(near, display.workArea);
  }

  function create(url: string): AppWindow {
    const { x, y } = position();
    const popup = new BrowserWindow({
      title: 'Lull updates',
      ...POPUP_SIZE,
      x,
      y,
      show: false,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences(options.preloadPath),
    });
    const { webContents } = popup;
    guardWebContents(webContents, options, 'digest pop-up');
    webContents.on('did-navigate-in-page', () => webContents.navigationHistory.clear());
    popup.once('ready-to-show', () => showWindow(popup));
    if (options.platform !== 'linux') popup.on('blur', () => popup.close());
    popup.on('closed', () => {
      if (win === popup) win = null;
    });
    load(popup, url);
    return popup;
  }

  function load(popup: AppWindow, url: string): void {
    popup.loadURL(url).catch((error: unknown) => logger.warn(`could not open ${url}: ${String(error)}`));
  }

  return {
    show(route) {
      const url = appRouteUrl(origin.entryUrl, route);
      if (!win || win.isDestroyed()) {
        win = create(url);
        return;
      }
      if (win.webContents.getURL() !== url) load(win, url);
      const { x, y } = position();
      win.setPosition(x, y);
      showWindow(win);
    },
    webContents: () => (win && !win.isDestroyed() ? win.webContents : null),
    close() {
      if (win && !win.isDestroyed()) win.close();
      win = null;
    },
  };
}
