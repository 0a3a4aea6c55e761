import type { Rectangle } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { emitPreventable, FakeScreen, isolated } from '../../../../test/fakes/electron';
import { silentLogger } from '../../../core/ports';
import { createAppOrigin } from './app-origin';
import { createDigestPopup, DIGEST_ROUTES, POPUP_SIZE, popupPosition } from './digest-window';
import { createInboxWindow } from './inbox-window';

const MAC_WORK_AREA = { x: 0, y: 25, width: 1920, height: 1055 };
const WINDOWS_WORK_AREA = { x: 0, y: 0, width: 1920, height: 1040 };

const inside = (bounds: Rectangle, area: Rectangle) =>
  bounds.x >= area.x &&
  bounds.y >= area.y &&
  bounds.x + bounds.width <= area.x + area.width &&
  bounds.y + bounds.height <= area.y + area.height;

describe('popupPosition', () => {
  it('hangs below a tray icon in a top menu bar, centred on it, inside the work area', () => {
    const icon = { x: 1500, y: 0, width: 24, height: 24 };
    expect(popupPosition(icon, MAC_WORK_AREA)).toEqual({ x: 1322, y: 33 });
  });

  it('stands above a tray icon in a bottom taskbar', () => {
    const icon = { x: 1700, y: 1044, width: 32, height: 32 };
    expect(popupPosition(icon, WINDOWS_WORK_AREA)).toEqual({ x: 1526, y: 1040 - 8 - POPUP_SIZE.height });
  });

  it('keeps clear of the screen edge when the icon is in the corner', () => {
    const icon = { x: 1900, y: 0, width: 20, height: 24 };
    const { x, y } = popupPosition(icon, MAC_WORK_AREA);
    expect(x).toBe(1920 - 8 - POPUP_SIZE.width);
    expect(inside({ x, y, ...POPUP_SIZE }, MAC_WORK_AREA)).toBe(true);
  });

  it('centres itself without an anchor, and keeps to the top left of a work area too small for it', () => {
    expect(popupPosition(null, MAC_WORK_AREA)).toEqual({ x: 770, y: 313 });
    expect(popupPosition(null, { x: 100, y: 50, width: 300, height: 200 })).toEqual({ x: 108, y: 58 });
  });

  it('works on a second display left of the primary (negative coordinates)', () => {
    const area = { x: -1280, y: 0, width: 1280, height: 984 };
    const icon = { x: -300, y: 990, width: 24, height: 24 };
    const { x, y } = popupPosition(icon, area);
    expect(inside({ x, y, ...POPUP_SIZE }, area)).toBe(true);
    expect(x).toBe(-300 + 12 - 190);
  });
});

describe('the digest pop-up', () => {
  let trayBounds: Rectangle | null;
  let screen = new FakeScreen();
  let BrowserWindow = isolated.BrowserWindow();
  const opened: string[] = [];

  beforeEach(() => {
    trayBounds = { x: 1500, y: 0, width: 24, height: 24 };
    screen = new FakeScreen();
    BrowserWindow = isolated.BrowserWindow();
    opened.length = 0;
  });

  const common = () => ({
    BrowserWindow,
    origin: createAppOrigin(undefined),
    preloadPath: '/app/out/preload/index.js',
    openExternal: (url: string) => opened.push(url),
    logger: silentLogger,
  });
  const createPopup = (platform: NodeJS.Platform = 'darwin') =>
    createDigestPopup({ ...common(), screen, platform, trayBounds: () => trayBounds });
  const lastWindow = () => {
    const win = BrowserWindow.instances.at(-1);
    if (!win) throw new Error('no window was created');
    return win;
  };
  /** Where the pop-up was put: at creation, or moved since. */
  const bounds = () => ({ ...lastWindow().position, ...POPUP_SIZE });

  it('opens near the tray with exactly the inbox window’s security settings, at #/digest', () => {
    createInboxWindow({ ...common(), isQuitting: () => false });
    const inbox = lastWindow();
    createPopup().show(DIGEST_ROUTES.digest);
    const win = lastWindow();
    expect(win).not.toBe(inbox);
    expect(win.options.webPreferences).toEqual(inbox.options.webPreferences);
    expect(win.options).toMatchObject({
      width: 380,
      height: 480,
      x: 1322,
      y: 33,
      alwaysOnTop: true,
      skipTaskbar: true,
      resizable: false,
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(win.loadedUrls).toEqual(['lull://app/index.html#/digest']);
    expect(inside(bounds(), screen.getPrimaryDisplay().workArea)).toBe(true);

    expect(win.isVisible()).toBe(false);
    win.becomeReadyToShow();
    expect(win.isVisible()).toBe(true);
    expect(win.focused).toBe(true);
  });

  it('keeps its page on the app: no navigation away, no new windows, plain links to the browser', () => {
    createPopup().show(DIGEST_ROUTES.digest);
    const { webContents } = lastWindow();
    expect(emitPreventable(webContents, 'will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(webContents.openWindow('https://example.com/pr/1')).toEqual({ action: 'deny' });
    expect(emitPreventable(webContents, 'will-attach-webview')).toBe(true);
    expect(opened).toEqual(['https://example.com/pr/1']);
  });

  it('is one window: showing it again brings it back, peeking moves it to #/digest?peek=1', () => {
    const popup = createPopup();
    popup.show(DIGEST_ROUTES.peek);
    const win = lastWindow();
    expect(win.loadedUrls).toEqual(['lull://app/index.html#/digest?peek=1']);
    win.becomeReadyToShow();
    popup.show(DIGEST_ROUTES.peek);
    expect(win.loadedUrls).toHaveLength(1);
    popup.show(DIGEST_ROUTES.digest);
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(win.loadedUrls.at(-1)).toBe('lull://app/index.html#/digest');
    expect(popup.webContents()).toBe(win.webContents);
  });

  it('keeps its page closable by window.close(): every in-page navigation clears the history', () => {
    // Blink lets a page close a window no script opened only while its history has one entry.
    const popup = createPopup('linux');
    popup.show(DIGEST_ROUTES.peek);
    const win = lastWindow();
    win.webContents.emit('did-navigate-in-page', {}, 'lull://app/index.html#/digest?item=3', true);
    win.webContents.emit('did-navigate-in-page', {}, 'lull://app/index.html#/digest', true);
    expect(win.webContents.navigationHistory.clears).toBe(2);

    win.destroy(); // the page closed it
    expect(popup.webContents()).toBeNull();
    popup.show(DIGEST_ROUTES.digest);
    expect(BrowserWindow.instances).toHaveLength(2);
    expect(lastWindow().isDestroyed()).toBe(false);
  });

  it('closes when it loses focus on macOS and Windows, not on Linux', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      createPopup(platform).show(DIGEST_ROUTES.digest);
      lastWindow().emit('blur');
      expect(lastWindow().isDestroyed()).toBe(true);
    }
    createPopup('linux').show(DIGEST_ROUTES.digest);
    lastWindow().emit('blur');
    expect(lastWindow().isDestroyed()).toBe(false);
  });

  it('without tray bounds (Linux) opens by the pointer, and centred where the pointer is unknown', () => {
    trayBounds = { x: 0, y: 0, width: 0, height: 0 };
    screen.cursor = { x: 1800, y: 1070 };
    createPopup('linux').show(DIGEST_ROUTES.digest);
    expect(bounds()).toMatchObject({ x: 1920 - 8 - 380, y: 1070 - 8 - 480 });

    screen.cursor = { x: 0, y: 0 };
    trayBounds = null;
    createPopup('linux').show(DIGEST_ROUTES.digest);
    expect(bounds()).toMatchObject({ x: 770, y: 313 });
  });

  it('opens on the display the tray is on, and follows the tray when shown again', () => {
    const second = { x: 1920, y: 0, width: 2560, height: 1400 };
    screen.displays.push({ bounds: { ...second, height: 1440 }, workArea: second });
    trayBounds = { x: 4400, y: 1404, width: 32, height: 32 };
    const popup = createPopup('win32');
    popup.show(DIGEST_ROUTES.digest);
    expect(inside(bounds(), second)).toBe(true);
    expect(bounds()).toMatchObject({ x: 4480 - 8 - 380, y: 1400 - 8 - 480 });

    trayBounds = { x: 1500, y: 0, width: 24, height: 24 };
    popup.show(DIGEST_ROUTES.peek);
    expect(bounds()).toMatchObject({ x: 1322, y: 33 });
  });

  it('closes on request, and is gone after', () => {
    const popup = createPopup();
    popup.show(DIGEST_ROUTES.digest);
    popup.close();
    expect(lastWindow().isDestroyed()).toBe(true);
    expect(popup.webContents()).toBeNull();
    popup.close();
  });
});
