import { beforeEach, describe, expect, it } from 'vitest';
import { FakeBrowserWindow, resetElectronFake, session } from '../../../../test/fakes/electron';
import { silentLogger } from '../../../core/ports';
import { APP_ENTRY_URL, createAppOrigin } from './app-origin';
import { appRouteUrl, createInboxWindow, showWindow, showWindowAt } from './inbox-window';

function openWindow(options: { quitting?: () => boolean; devServerUrl?: string } = {}) {
  const opened: string[] = [];
  createInboxWindow({
    origin: createAppOrigin(options.devServerUrl),
    preloadPath: '/app/out/preload/index.js',
    isQuitting: options.quitting ?? (() => false),
    openExternal: (url) => opened.push(url),
    logger: silentLogger,
  });
  const win = FakeBrowserWindow.instances.at(-1);
  if (!win) throw new Error('no window was created');
  return { win, opened };
}

describe('the inbox window', () => {
  beforeEach(() => resetElectronFake());

  it('is sandboxed, context-isolated, without Node, with the preload', () => {
    const { win } = openWindow();
    expect(win.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: '/app/out/preload/index.js',
    });
    expect(win.getTitle()).toBe('Lull');
    expect(win.options).toMatchObject({ width: 1000, height: 720, minWidth: 640, minHeight: 480 });
  });

  it('loads the app from the custom protocol and shows only once ready', () => {
    const { win } = openWindow();
    expect(win.webContents.getURL()).toBe(APP_ENTRY_URL);
    expect(win.isVisible()).toBe(false);
    win.becomeReadyToShow();
    expect(win.isVisible()).toBe(true);
  });

  it('loads the dev server in development and trusts only its origin', () => {
    const { win } = openWindow({ devServerUrl: 'http://localhost:5173/' });
    expect(win.webContents.getURL()).toBe('http://localhost:5173/');
    expect(win.webContents.navigate('http://localhost:5173/#/inbox')).toBe(true);
    expect(win.webContents.navigate('http://localhost:5174/')).toBe(false);
  });

  it('stays on the app: navigation to another origin is prevented', () => {
    const { win } = openWindow();
    expect(win.webContents.navigate('https://evil.example/')).toBe(false);
    expect(win.webContents.navigate('file:///etc/passwd')).toBe(false);
    expect(win.webContents.navigate('lull://other/index.html')).toBe(false);
    expect(win.webContents.navigate('lull://app/index.html#digest')).toBe(true);
  });

  it('denies window.open, handing plain web links to the browser and nothing else', () => {
    const { win, opened } = openWindow();
    expect(win.webContents.openWindow('https://github.com/lull/issue/1')).toEqual({ action: 'deny' });
    expect(win.webContents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(win.webContents.openWindow('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(win.webContents.openWindow('https://user:pw@example.com/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://github.com/lull/issue/1']);
  });

  it('refuses every permission request and check, and <webview>', async () => {
    const { win } = openWindow();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      await expect(session.defaultSession.requestPermission(win.webContents, permission)).resolves.toBe(
        false,
      );
      expect(session.defaultSession.checkPermission(win.webContents, permission)).toBe(false);
    }
    expect(win.webContents.attachWebview('https://evil.example/')).toBe(false);
  });

  it('hides to the tray when closed, and really closes when the app is quitting', () => {
    let quitting = false;
    const { win } = openWindow({ quitting: () => quitting });
    win.becomeReadyToShow();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.isVisible()).toBe(false);

    showWindow(win as never);
    expect(win.isVisible()).toBe(true);

    quitting = true;
    win.close();
    expect(win.isDestroyed()).toBe(true);
  });

  it('showWindow restores a minimised window and ignores a destroyed one', () => {
    const { win } = openWindow();
    win.minimize();
    showWindow(win as never);
    expect(win.isMinimized()).toBe(false);
    expect(win.isFocused()).toBe(true);
    win.destroy();
    expect(() => showWindow(win as never)).not.toThrow();
    expect(() => showWindow(null)).not.toThrow();
  });

  it('opens on a renderer route by changing only the hash of the app URL', () => {
    expect(appRouteUrl(APP_ENTRY_URL, '/focus')).toBe('lull://app/index.html#/focus');
    expect(appRouteUrl('http://localhost:5173/', '/focus')).toBe('http://localhost:5173/#/focus');
    expect(appRouteUrl('lull://app/index.html#/inbox', '/focus')).toBe('lull://app/index.html#/focus');

    const { win } = openWindow();
    win.becomeReadyToShow();
    win.close();
    showWindowAt(win as never, appRouteUrl(APP_ENTRY_URL, '/focus'), silentLogger);
    expect(win.loadedUrls).toEqual([APP_ENTRY_URL, 'lull://app/index.html#/focus']);
    expect(win.isVisible()).toBe(true);
    win.destroy();
    expect(() => showWindowAt(win as never, APP_ENTRY_URL, silentLogger)).not.toThrow();
    expect(win.loadedUrls).toHaveLength(2);
  });
});
