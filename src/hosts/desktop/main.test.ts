import { existsSync, promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { openHeldQueue } from '../../core/delivery/held-queue';
import { silentLogger } from '../../core/ports';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/ipc-channels';
import { RUNTIME_FILE } from '../common/runtime-file';

type Fake = typeof import('../../../test/fakes/electron');

/**
 * Starts the desktop entry as `electron out/main/index.js` would, against a fresh fake electron: the
 * modules are reset, so main.ts and this test share a new copy of every fake.
 */
async function launch(env: Record<string, string>): Promise<Fake> {
  vi.resetModules();
  const fake: Fake = await import('../../../test/fakes/electron');
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  await import('./main');
  return fake;
}

/** What a run killed between marking a release and confirming it leaves behind: shown again at start. */
async function leaveInterruptedRelease(dataDir: string): Promise<void> {
  const queue = await openHeldQueue({ dataDir, logger: silentLogger });
  const held = {
    id: 'chat/q',
    title: 'Quarterly numbers',
    channel: 'email' as const,
    deadline: 4e12,
    heldAt: 1,
  };
  await queue.hold([held]);
  await queue.beginRelease(
    {
      id: 'digest@1:summary',
      at: 1,
      cause: 'summary',
      items: [held],
      headline: '1 update — next: Quarterly numbers',
    },
    null,
  );
  await queue.close();
}

describe('the desktop entry', () => {
  let signalListeners: Array<{ signal: 'SIGINT' | 'SIGTERM'; before: unknown[] }>;

  beforeEach(() => {
    // The entry logs to the console like the app does; keep test output readable.
    for (const method of ['log', 'warn', 'error'] as const)
      vi.spyOn(console, method).mockImplementation(() => {});
    vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
    signalListeners = (['SIGINT', 'SIGTERM'] as const).map((signal) => ({
      signal,
      before: process.listeners(signal),
    }));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    // A run that did not quit leaves its SIGINT/SIGTERM handlers; they must not outlive the test.
    for (const { signal, before } of signalListeners) {
      for (const listener of process.listeners(signal)) {
        if (!before.includes(listener)) process.removeListener(signal, listener as () => void);
      }
    }
  });

  it('starts the core, the local API, the window and the tray, and quits cleanly from the tray', async () => {
    const dataDir = await tempDir();
    const fake = await launch({ LULL_DATA_DIR: dataDir, LULL_PORT: '0' });
    await vi.waitFor(() => expect(fake.FakeTray.instances).toHaveLength(1), { timeout: 10_000 });
    const [win] = fake.FakeBrowserWindow.instances;
    const [tray] = fake.FakeTray.instances;
    if (!win || !tray) throw new Error('no window or tray');

    expect(fake.app.getPath('userData')).toBe(dataDir);
    expect(fake.protocol.privileged.map((scheme) => scheme.scheme)).toEqual(['lull']);
    expect(win.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(String(win.webPreferences.preload)).toMatch(/preload[/\\]index\.js$/);
    expect(win.webContents.getURL()).toBe('lull://app/index.html');

    const runtime = JSON.parse(await fs.readFile(path.join(dataDir, RUNTIME_FILE), 'utf8'));
    expect(runtime).toMatchObject({ host: 'desktop', pid: process.pid });
    expect((await fetch(`${runtime.apiUrl}/v1/health`)).status).toBe(200);
    expect(await fs.readdir(dataDir)).toContain('ingest-token.enc');
    expect(await fs.readdir(dataDir)).not.toContain('ingest-token');

    const info = await fake.ipcMain.invoke(
      IPC_INVOKE_CHANNEL,
      fake.invokeEventFrom('lull://app/'),
      'app:get-info',
    );
    expect(info).toMatchObject({
      ok: true,
      value: {
        host: 'desktop',
        apiUrl: runtime.apiUrl,
        shortcut: { accelerator: 'CommandOrControl+Shift+F', registered: true, error: null },
      },
    });
    expect(fake.globalShortcut.isRegistered('CommandOrControl+Shift+F')).toBe(true);

    // Links open in the user's browser through the core's validated command, and only http(s) ones.
    const openLink = (url: string) =>
      fake.ipcMain.invoke(IPC_INVOKE_CHANNEL, fake.invokeEventFrom('lull://app/'), 'app:open-external', {
        url,
      });
    expect(await openLink('https://example.com/pr/1')).toEqual({ ok: true, value: { opened: true } });
    expect(await openLink('javascript:alert(1)')).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(await openLink('file:///etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(fake.shell.opened).toEqual(['https://example.com/pr/1']);
    vi.spyOn(fake.shell, 'openExternal').mockRejectedValueOnce(new Error('no browser'));
    expect(await openLink('https://example.com/pr/2')).toEqual({ ok: true, value: { opened: false } });

    // The tray toggles focus in the core, and the window hears about it.
    tray.click();
    await vi.waitFor(() =>
      expect(win.webContents.sent).toContainEqual({
        channel: IPC_EVENT_CHANNEL,
        args: ['focus:changed', expect.objectContaining({ active: true })],
      }),
    );
    expect(tray.menu.labels[0]).toBe('Focus on');

    // Closing hides to the tray; a second launch or "Open inbox" brings the window back.
    win.becomeReadyToShow();
    win.close();
    expect(win.isDestroyed()).toBe(false);
    expect(win.isVisible()).toBe(false);
    fake.app.emit('second-instance', {}, [], '');
    expect(win.isVisible()).toBe(true);
    win.close();
    tray.menu.click('Open inbox');
    expect(win.isVisible()).toBe(true);
    win.close();
    tray.menu.click('Focus settings…');
    expect(win.isVisible()).toBe(true);
    expect(win.webContents.getURL()).toBe('lull://app/index.html#/focus');

    // The global shortcut toggles focus off again.
    fake.globalShortcut.press('CommandOrControl+Shift+F');
    await vi.waitFor(() => expect(tray.menu.labels[0]).toBe('Focus off'));

    tray.menu.click('Quit Lull');
    await vi.waitFor(() => expect(fake.app.exitCodes).toEqual([0]), { timeout: 10_000 });
    expect(win.isDestroyed()).toBe(true);
    expect(tray.isDestroyed()).toBe(true);
    expect(existsSync(path.join(dataDir, RUNTIME_FILE))).toBe(false);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.globalShortcut.registered.size).toBe(0);
    expect(fake.powerMonitor.listenerCount('resume')).toBe(0);
    await expect(fetch(`${runtime.apiUrl}/v1/health`)).rejects.toThrow();
  });

  it('announces a digest interrupted by a crash, opens the pop-up from it, and an item from its own', async () => {
    const dataDir = await tempDir();
    await leaveInterruptedRelease(dataDir);

    const fake = await launch({ LULL_DATA_DIR: dataDir, LULL_PORT: '0' });
    await vi.waitFor(() => expect(fake.FakeTray.instances).toHaveLength(1), { timeout: 10_000 });
    const [inbox] = fake.FakeBrowserWindow.instances;
    const [tray] = fake.FakeTray.instances;
    if (!inbox || !tray) throw new Error('no window or tray');
    expect(fake.FakeNotification.instances.map((n) => n.options.body)).toEqual([
      '1 update — next: Quarterly numbers',
    ]);
    expect(tray.menu.item('Show held updates now').enabled).toBe(false);

    fake.FakeNotification.instances[0]?.click();
    const popup = fake.FakeBrowserWindow.instances[1];
    if (!popup) throw new Error('no digest pop-up');
    expect(popup.webContents.getURL()).toBe('lull://app/index.html#/digest');
    expect(popup.webPreferences).toEqual(inbox.webPreferences);
    // The pop-up's page may call the core and hears its events, like the inbox.
    const peek = await fake.ipcMain.invoke(
      IPC_INVOKE_CHANNEL,
      fake.invokeEventFrom(popup.webContents.getURL()),
      'digest:peek',
    );
    expect(peek).toMatchObject({ ok: true, value: { heldCount: 0 } });

    // An urgent update breaks through; its notification opens the inbox on it.
    const info = await fake.ipcMain.invoke(
      IPC_INVOKE_CHANNEL,
      fake.invokeEventFrom('lull://app/'),
      'app:get-info',
    );
    const { apiUrl, token } = (info as { value: { apiUrl: string; token: string } }).value;
    const posted = await fetch(`${apiUrl}/v1/updates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'pager', externalId: 'p1', title: 'Prod is down', priority: 'urgent' }),
    });
    expect(posted.status).toBeLessThan(300);
    await vi.waitFor(() => expect(fake.FakeNotification.instances).toHaveLength(2));
    expect(fake.FakeNotification.instances[1]?.options).toMatchObject({ title: 'Urgent: Prod is down' });
    await vi.waitFor(() =>
      expect(popup.webContents.sent).toContainEqual({
        channel: IPC_EVENT_CHANNEL,
        args: ['journal:appended', expect.anything()],
      }),
    );
    fake.FakeNotification.instances[1]?.click();
    expect(inbox.isVisible()).toBe(true);
    expect(inbox.webContents.getURL()).toBe('lull://app/index.html#/inbox?item=pager%2Fp1');

    tray.menu.click('Quit Lull');
    await vi.waitFor(() => expect(fake.app.exitCodes).toEqual([0]), { timeout: 10_000 });
    expect(popup.isDestroyed()).toBe(true);
  });

  it.each([
    ['darwin', { id: 'lull-digest' }],
    ['win32', { id: 'lull-digest', icon: expect.stringMatching(/icon\.png$/) }],
    ['linux', { icon: expect.stringMatching(/icon\.png$/) }],
  ] as const)('on %s, gives the digest notification that platform’s options', async (platform, extra) => {
    const dataDir = await tempDir();
    await leaveInterruptedRelease(dataDir);
    const real = Object.getOwnPropertyDescriptor(process, 'platform');
    Object.defineProperty(process, 'platform', { value: platform, configurable: true });
    onTestFinished(() => {
      if (real) Object.defineProperty(process, 'platform', real);
    });
    const fake = await launch({ LULL_DATA_DIR: dataDir, LULL_PORT: '0' });
    await vi.waitFor(() => expect(fake.FakeTray.instances).toHaveLength(1), { timeout: 10_000 });
    expect(fake.FakeNotification.instances.map((n) => n.options)).toEqual([
      { title: 'Lull', body: '1 update — next: Quarterly numbers', silent: false, ...extra },
    ]);
    fake.FakeTray.instances[0]?.menu.click('Quit Lull');
    await vi.waitFor(() => expect(fake.app.exitCodes).toEqual([0]), { timeout: 10_000 });
  });

  it('leaves a second instance to the first: it quits without starting anything', async () => {
    const dataDir = await tempDir();
    vi.resetModules();
    const fake: Fake = await import('../../../test/fakes/electron');
    fake.app.singleInstanceLockAvailable = false;
    vi.stubEnv('LULL_DATA_DIR', dataDir);
    await import('./main');
    await vi.waitFor(() => expect(fake.app.quitRequests).toBe(1));
    expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
    expect(fake.FakeTray.instances).toHaveLength(0);
    expect(existsSync(path.join(dataDir, RUNTIME_FILE))).toBe(false);
  });

  it('says why it cannot start, and exits, when the port is taken', async () => {
    const dataDir = await tempDir();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as net.AddressInfo).port;
      const fake = await launch({ LULL_DATA_DIR: dataDir, LULL_PORT: String(port) });
      await vi.waitFor(() => expect(fake.app.exitCodes).toEqual([1]), { timeout: 10_000 });
      expect(fake.dialog.errors).toEqual([
        { title: 'Lull could not start', content: expect.stringMatching(/already in use/) },
      ]);
      expect(fake.FakeBrowserWindow.instances).toHaveLength(0);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
