/**
 * The desktop app itself, driven by Playwright's _electron: runs wherever an Electron binary is
 * installed, and skips, saying why, where none is (it is never downloaded here). Needs `npm run build`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Imported when the test runs: Playwright's loader turns a static import of an .mjs file into CommonJS,
 * which Node 20.19+ then refuses to evaluate ("exports is not defined in ES module scope").
 */
async function electronBinary(): Promise<{ path?: string; reason?: string }> {
  const { findElectronBinary } = await import('../../scripts/electron-binary.mjs');
  return findElectronBinary();
}

/** The built desktop app on a fresh data dir and a free port, as a user would start it. */
async function launchLull(executablePath: string) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lull-electron-'));
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  delete env.ELECTRON_RENDERER_URL;
  const app = await electron.launch({
    executablePath,
    args: [path.join(ROOT, 'out/main/index.js'), '--data-dir', dataDir, '--port', '0'],
    env: env as Record<string, string>,
  });
  return { app, dataDir };
}

test('opens a sandboxed Lull window whose page has window.lull and no Node', async () => {
  const binary = await electronBinary();
  test.skip(!binary.path, `Electron binary unavailable: ${binary.reason}`);
  const { app, dataDir } = await launchLull(binary.path!);
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');

    const main = await app.evaluate(({ BrowserWindow }) => {
      const [win] = BrowserWindow.getAllWindows();
      // Undocumented in electron.d.ts since v29, but still what Electron applied to this page.
      type Prefs = { sandbox?: boolean; contextIsolation?: boolean; nodeIntegration?: boolean };
      const contents = win?.webContents as unknown as { getLastWebPreferences(): Prefs | null } | undefined;
      const prefs = contents?.getLastWebPreferences();
      return {
        title: win?.getTitle(),
        url: win?.webContents.getURL(),
        sandbox: prefs?.sandbox,
        contextIsolation: prefs?.contextIsolation,
        nodeIntegration: prefs?.nodeIntegration,
      };
    });
    expect(main).toEqual({
      title: 'Lull',
      url: 'lull://app/index.html',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });

    const bridge = await page.evaluate(() => {
      const lull = (window as unknown as { lull?: { focus?: { set?: unknown } } }).lull;
      return {
        focusSet: typeof lull?.focus?.set,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      };
    });
    expect(bridge).toEqual({ focusSet: 'function', require: 'undefined', process: 'undefined' });

    const status = await page.evaluate(async () => {
      const lull = (
        window as unknown as { lull: { focus: { set(input: unknown): Promise<{ active: boolean }> } } }
      ).lull;
      return lull.focus.set({ active: true, minutes: 25 });
    });
    expect(status.active).toBe(true);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

/**
 * The digest pop-up closes itself from its page (Escape → `window.close()`). Blink allows that for a
 * window no script opened only while its history has one entry; the pop-up clears its history after
 * every in-page navigation. This checks the combination on a real Electron, outside the fake.
 */
test('a page can close its own top-level window after in-page navigations, once history is cleared', async () => {
  const binary = await electronBinary();
  test.skip(!binary.path, `Electron binary unavailable: ${binary.reason}`);
  const { app, dataDir } = await launchLull(binary.path!);
  try {
    await app.firstWindow();
    const closed = await app.evaluate(async ({ BrowserWindow }) => {
      const win = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
      });
      await win.loadURL('lull://app/index.html#/digest?peek=1');
      await win.loadURL('lull://app/index.html#/digest');
      win.webContents.navigationHistory.clear();
      const gone = new Promise<boolean>((resolve) => {
        win.once('closed', () => resolve(true));
        setTimeout(() => resolve(false), 5_000);
      });
      await win.webContents.executeJavaScript('window.close()').catch(() => undefined);
      return gone;
    });
    expect(closed).toBe(true);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
