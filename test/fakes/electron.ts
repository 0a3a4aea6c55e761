/**
 * The parts of `electron` that Lull's desktop host and preload use, for unit tests in plain Node. Each
 * fake implements the slice of Electron's own declarations (electron.d.ts) that the host calls, so a
 * fake that drifts from Electron fails to compile. It records what Lull asked for and lets a test act
 * as the user or the OS (click the tray, close a window, press a shortcut, dismiss a notification); it
 * does not model Chromium: tests assert what Lull registered and did, not what a page would then see.
 *
 * Module tests build their own pieces (`new FakeIpcMain()`, `isolated.BrowserWindow()`…) and inject
 * them; the singletons at the end are what `main.ts` and the preload get, as vitest aliases `electron`
 * to this file.
 */
import {
  FakeContextBridge,
  FakeDialog,
  FakeIpcMain,
  FakeIpcRenderer,
  FakeProtocol,
  FakeSafeStorage,
  FakeShell,
} from './electron-system';
import {
  FakeGlobalShortcut,
  FakeNativeImages,
  FakeNotification,
  FakeScreen,
  FakeTray,
} from './electron-tray';
import { FakeApp, FakeBrowserWindow, FakeEmitter } from './electron-windows';

export * from './electron-system';
export * from './electron-tray';
export * from './electron-windows';

/** Classes of their own, so a test counts only the windows and notifications it made. */
export const isolated = {
  BrowserWindow: () =>
    class extends FakeBrowserWindow {
      static override instances: FakeBrowserWindow[] = [];
    },
  Notification: () =>
    class extends FakeNotification {
      static override instances: FakeNotification[] = [];
      static override supported = true;
    },
};

// ------------------------------------------------ the module as main.ts and the preload import it

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;
export const screen = new FakeScreen();
export const nativeImage = new FakeNativeImages();
export const Tray = FakeTray;
export const Notification = FakeNotification;
export const globalShortcut = new FakeGlobalShortcut();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer(ipcMain);
export const contextBridge = new FakeContextBridge();
export const protocol = new FakeProtocol();
export const powerMonitor = new FakeEmitter();
export const safeStorage = new FakeSafeStorage();
export const shell = new FakeShell();
export const dialog = new FakeDialog();
