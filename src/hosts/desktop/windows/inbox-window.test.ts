import { describe, expect, it } from 'vitest';
import { emitPreventable, isolated } from '../../../../test/fakes/electron';
import { silentLogger } from '../../../core/ports';
import { APP_ENTRY_URL, createAppOrigin } from './app-origin';
import { appRouteUrl, createInboxWindow, showWindow, showWindowAt } from './inbox-window';

function openWindow(options: { quitting?: () => boolean; devServerUrl?: string } = {}) {
  const BrowserWindow = isolated.BrowserWindow();
  const opened: string[] = [];
  createInboxWindow({
    BrowserWindow,
    origin: createAppOrigin(options.devServerUrl),
    preloadPath: '/app/out/preload/index.js',
    isQuitting: options.quitting ?? (() => false),
    openExternal: (url) => opened.push(url),
    logger: silentLogger,
  });
  const [win] = BrowserWindow.instances;
  if (!win) throw new Error('no window was created');
  /** Whether Lull lets the page's navigation to `url` go ahead. */
  const navigates = (url: string, event = 'will-navigate') =>
    !emitPreventable(win.webContents, event, { url });
  return { win, opened, navigates };
}

describe('the inbox window', () => {
  it('is created sandboxed, context-isolated, without Node, with the preload', () => {
    const { win } = openWindow();
    expect(win.options).toMatchObject({
      title: 'Lull',
      show: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        preload: '/app/out/preload/index.js',
      },
    });
  });

  it('loads the app from the custom protocol and shows only once ready', () => {
    const { win } = openWindow();
    expect(win.loadedUrls).toEqual([APP_ENTRY_URL]);
    expect(win.isVisible()).toBe(false);
    win.becomeReadyToShow();
    expect(win.isVisible()).toBe(true);
  });

  it('loads the dev server in development and trusts only its origin', () => {
    const { win, navigates } = openWindow({ devServerUrl: 'http://localhost:5173/' });
    expect(win.loadedUrls).toEqual(['http://localhost:5173/']);
    expect(navigates('http://localhost:5173/#/inbox')).toBe(true);
    expect(navigates('http://localhost:5174/')).toBe(false);
    expect(navigates(APP_ENTRY_URL)).toBe(false);
  });

  it('stays on the app: navigation and redirects to another origin are prevented', () => {
    const { navigates } = openWindow();
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(navigates('https://evil.example/', event)).toBe(false);
      expect(navigates('file:///etc/passwd', event)).toBe(false);
      expect(navigates('lull://other/index.html', event)).toBe(false);
      expect(navigates('lull://app/index.html#digest', event)).toBe(true);
    }
  });

  it('denies window.open, handing plain web links to the browser and nothing else', () => {
    const { win, opened } = openWindow();
    const contents = win.webContents;
    expect(contents.openWindow('https://github.com/lull/issue/1')).toEqual({ action: 'deny' });
    expect(contents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(contents.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.openWindow('https://user:pw@example.com/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://github.com/lull/issue/1']);
  });

  it('refuses every permission request and check, and <webview>', async () => {
    const { win } = openWindow();
    const { session } = win.webContents;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      await expect(session.askPermission(permission)).resolves.toBe(false);
      expect(session.checkPermission(permission)).toBe(false);
    }
    expect(emitPreventable(win.webContents, 'will-attach-webview')).toBe(true);
  });

  it('hides to the tray when closed, and really closes when the app is quitting', () => {
    let quitting = false;
    const { win } = openWindow({ quitting: () => quitting });
    win.becomeReadyToShow();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.isVisible()).toBe(false);

    showWindow(win);
    expect(win.isVisible()).toBe(true);

    quitting = true;
    win.close();
    expect(win.isDestroyed()).toBe(true);
  });

  it('showWindow restores a minimised window and ignores a destroyed one', () => {
    const { win } = openWindow();
    win.minimize();
    showWindow(win);
    expect(win.isMinimized()).toBe(false);
    expect(win.focused).toBe(true);
    win.destroy();
    expect(() => showWindow(win)).not.toThrow();
    expect(() => showWindow(null)).not.toThrow();
  });

  it('opens on a renderer route by changing only the hash of the app URL', () => {
    expect(appRouteUrl(APP_ENTRY_URL, '/focus')).toBe('lull://app/index.html#/focus');
    expect(appRouteUrl('http://localhost:5173/', '/focus')).toBe('http://localhost:5173/#/focus');
    expect(appRouteUrl('lull://app/index.html#/inbox', '/focus')).toBe('lull://app/index.html#/focus');

    const { win } = openWindow();
    win.becomeReadyToShow();
    win.close();
    showWindowAt(win, appRouteUrl(APP_ENTRY_URL, '/focus'), silentLogger);
    expect(win.loadedUrls).toEqual([APP_ENTRY_URL, 'lull://app/index.html#/focus']);
    expect(win.isVisible()).toBe(true);
    win.destroy();
    expect(() => showWindowAt(win, APP_ENTRY_URL, silentLogger)).not.toThrow();
    expect(win.loadedUrls).toHaveLength(2);
  });
});
