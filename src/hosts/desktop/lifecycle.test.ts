import { EventEmitter } from 'node:events';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FakeApp, isolated } from '../../../test/fakes/electron';
import { silentLogger } from '../../core/ports';
import { DEFAULT_PORT } from '../common/data-dir';
import { parseLaunchOptions } from './launch-options';
import { manageQuit } from './lifecycle';

describe('parseLaunchOptions', () => {
  it('reads --data-dir and --port, in either spelling, over the environment', () => {
    expect(parseLaunchOptions(['electron', '.', '--data-dir', 'tmp/lull', '--port=0'], {})).toEqual({
      dataDir: path.resolve('tmp/lull'),
      port: 0,
    });
    expect(parseLaunchOptions(['lull'], { LULL_DATA_DIR: '/data', LULL_PORT: '5000' })).toEqual({
      dataDir: path.resolve('/data'),
      port: 5000,
    });
    expect(parseLaunchOptions(['lull', '--port', '4000'], { LULL_PORT: '5000' }).port).toBe(4000);
  });

  it('defaults, ignores switches added by Chromium or Playwright, and rejects a bad port', () => {
    const argv = [
      'electron',
      '--inspect=0',
      '--remote-debugging-port=0',
      '--no-sandbox',
      'out/main/index.js',
    ];
    expect(parseLaunchOptions(argv, {})).toEqual({ dataDir: null, port: DEFAULT_PORT });
    expect(() => parseLaunchOptions(['lull', '--port', 'http'], {})).toThrow(/invalid port/);
  });
});

describe('manageQuit', () => {
  it('lets windows close and waits for the cleanup before exiting', async () => {
    const BrowserWindow = isolated.BrowserWindow();
    const app = new FakeApp(BrowserWindow.instances);
    let cleaned = false;
    const signals = new EventEmitter();
    const quit = manageQuit(
      app,
      async () => {
        cleaned = true;
      },
      silentLogger,
      { signals: signals as never },
    );
    const win = new BrowserWindow();
    win.on('close', (event: { preventDefault(): void }) => {
      if (!quit.isQuitting()) event.preventDefault();
    });
    win.close();
    expect(win.isDestroyed()).toBe(false);

    signals.emit('SIGTERM');
    signals.emit('SIGINT'); // a second signal while cleaning up changes nothing
    expect(quit.isQuitting()).toBe(true);
    expect(win.isDestroyed()).toBe(true);
    await vi.waitFor(() => expect(app.exitCodes).toEqual([0]));
    expect(cleaned).toBe(true);
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('exits with an error when the cleanup fails or hangs', async () => {
    let app = new FakeApp();
    manageQuit(app, () => Promise.reject(new Error('disk full')), silentLogger, {
      signals: new EventEmitter() as never,
    });
    app.quit();
    await vi.waitFor(() => expect(app.exitCodes).toEqual([1]));

    app = new FakeApp();
    manageQuit(app, () => new Promise(() => {}), silentLogger, {
      timeoutMs: 20,
      signals: new EventEmitter() as never,
    });
    app.quit();
    await vi.waitFor(() => expect(app.exitCodes).toEqual([1]));
  });
});
