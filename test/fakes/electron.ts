/**
 * A fake of the parts of `electron` that Lull's desktop host and preload use, for unit tests in plain
 * Node (vitest aliases `electron` to this file). It records what the code asked for and lets a test act
 * as the user or the OS: click the tray, close the window, navigate, send IPC, resume from sleep, press
 * a global shortcut (or have another app hold it), click or dismiss a notification.
 * Behaviour follows Electron where the host depends on it (preventable events, quit sequence, one
 * handler per IPC channel). Call `resetElectronFake()` in `beforeEach`.
 */
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// biome-ignore lint/suspicious/noExplicitAny: a fake mirrors Electron's loosely typed callbacks
type AnyFunction = (...args: any[]) => any;

/** An Electron event: listeners call preventDefault(), the emitter reads defaultPrevented. */
export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent<T extends object>(fields: T = {} as T): FakeEvent & T {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

// ---------------------------------------------------------------------------------------------- app

class FakeApp extends EventEmitter {
  paths = new Map<string, string>();
  name = 'Electron';
  /** Set to false to play a second instance: requestSingleInstanceLock() then refuses. */
  singleInstanceLockAvailable = true;
  quitRequests = 0;
  exitCodes: number[] = [];
  appUserModelId: string | null = null;
  private quitting = false;

  reset(): void {
    this.removeAllListeners();
    this.paths = new Map([
      ['userData', path.join(os.tmpdir(), 'lull-fake-electron', 'userData')],
      ['appData', path.join(os.tmpdir(), 'lull-fake-electron')],
      ['temp', os.tmpdir()],
    ]);
    this.name = 'Electron';
    this.singleInstanceLockAvailable = true;
    this.quitRequests = 0;
    this.exitCodes = [];
    this.appUserModelId = null;
    this.quitting = false;
  }

  getPath(name: string): string {
    const value = this.paths.get(name);
    if (!value) throw new Error(`Failed to get '${name}' path`);
    return value;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getName(): string {
    return this.name;
  }
  setName(name: string): void {
    this.name = name;
  }
  getVersion(): string {
    return '45.4.1';
  }
  getAppPath(): string {
    return process.cwd();
  }
  isReady(): boolean {
    return true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLockAvailable;
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  /** Electron's order: before-quit, close every window (any may cancel), will-quit, quit. */
  quit(): void {
    this.quitRequests++;
    if (this.quitting) return;
    if (this.emitPreventable('before-quit')) return;
    this.quitting = true;
    for (const win of FakeBrowserWindow.getAllWindows()) {
      win.close();
      if (!win.isDestroyed()) {
        this.quitting = false;
        return;
      }
    }
    if (this.emitPreventable('will-quit')) return;
    this.emit('quit', fakeEvent(), 0);
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
  private emitPreventable(name: string): boolean {
    const event = fakeEvent();
    this.emit(name, event);
    return event.defaultPrevented;
  }
}

export const app = new FakeApp();

// --------------------------------------------------------------------------------- session, windows

class FakeSession {
  permissionRequestHandler: AnyFunction | null = null;
  permissionCheckHandler: AnyFunction | null = null;

  setPermissionRequestHandler(handler: AnyFunction | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: AnyFunction | null): void {
    this.permissionCheckHandler = handler;
  }
  /** What a page asking for `permission` gets; Electron grants it when no handler is set. */
  requestPermission(contents: FakeWebContents, permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, { requestingUrl: contents.url }));
  }
  checkPermission(contents: FakeWebContents, permission: string): boolean {
    const handler = this.permissionCheckHandler;
    return handler ? Boolean(handler(contents, permission, contents.url, {})) : true;
  }
}

export const session = { defaultSession: new FakeSession() };

/** Session history as Chromium keeps it: one entry per navigation, hash-only ones included. */
export class FakeNavigationHistory {
  entries: string[] = [];
  length(): number {
    return this.entries.length;
  }
  /** Electron's clear(): everything but the current entry goes. */
  clear(): void {
    this.entries = this.entries.slice(-1);
  }
}

export class FakeWebContents extends EventEmitter {
  url = '';
  sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: AnyFunction | null = null;
  readonly session = session.defaultSession;
  readonly mainFrame = { url: '' };
  readonly navigationHistory = new FakeNavigationHistory();
  /** Set by the window: what a page's window.close() asks it to do. */
  onCloseFromPage: (() => void) | null = null;
  private destroyed = false;

  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
  setWindowOpenHandler(handler: AnyFunction): void {
    this.windowOpenHandler = handler;
  }
  /** Main → page: recorded, and delivered to the fake ipcRenderer as Electron would. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const copy = structuredClone(args);
    this.sent.push({ channel, args: copy });
    ipcRenderer.emit(channel, { sender: ipcRenderer, senderId: 0 }, ...copy);
  }
  reload(): void {}

  /** The page tries to navigate to `url`; returns whether the navigation went ahead. */
  navigate(url: string): boolean {
    const event = fakeEvent({ url, isMainFrame: true, frame: this.mainFrame });
    this.emit('will-navigate', event, url, false, true);
    if (event.defaultPrevented) return false;
    this.commit(url);
    return true;
  }
  /**
   * A navigation commits: a new history entry, and 'did-navigate-in-page' when only the hash changed
   * (Chromium then stays in the document). Shared by page- and main-initiated navigations.
   */
  commit(url: string): void {
    const sameDocument = this.url !== '' && this.url.split('#')[0] === url.split('#')[0];
    this.url = url;
    this.mainFrame.url = url;
    this.navigationHistory.entries.push(url);
    if (sameDocument) this.emit('did-navigate-in-page', fakeEvent(), url, true, 0, 0);
  }
  /**
   * The page calls window.close(). Blink allows it for a window no script opened only while its
   * history has a single entry ("Scripts may close only the windows that were opened by them");
   * Electron then closes the BrowserWindow. Returns whether the window closed.
   */
  closeFromPage(): boolean {
    if (this.navigationHistory.length() > 1) return false;
    this.onCloseFromPage?.();
    return true;
  }
  /** The page calls window.open(url); returns the window open handler's answer. */
  openWindow(url: string): { action: 'allow' | 'deny' } {
    if (!this.windowOpenHandler) return { action: 'allow' };
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' });
  }
  /** The page adds a <webview>; returns whether it was allowed. */
  attachWebview(src: string): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return !event.defaultPrevented;
  }
}

export interface FakeRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((win) => !win.isDestroyed());
  }

  readonly webContents = new FakeWebContents();
  /** Every URL the app asked the window to load, in order. */
  loadedUrls: string[] = [];
  visible = false;
  focused = false;
  minimized = false;
  bounds: FakeRectangle;
  private destroyed = false;

  // biome-ignore lint/suspicious/noExplicitAny: BrowserWindowConstructorOptions, recorded as given
  constructor(readonly options: Record<string, any> = {}) {
    super();
    // Electron centres a window given no position; the fake puts it at the origin.
    this.bounds = {
      x: options.x ?? 0,
      y: options.y ?? 0,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    this.webContents.onCloseFromPage = () => this.destroy();
    FakeBrowserWindow.instances.push(this);
  }

  get webPreferences(): Record<string, unknown> {
    return this.options.webPreferences ?? {};
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.commit(url);
    return Promise.resolve();
  }
  getBounds(): FakeRectangle {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<FakeRectangle>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  setPosition(x: number, y: number): void {
    if (!Number.isInteger(x) || !Number.isInteger(y)) throw new TypeError('Error processing argument');
    this.bounds = { ...this.bounds, x, y };
  }
  getPosition(): [number, number] {
    return [this.bounds.x, this.bounds.y];
  }
  /** The user clicks another window: this one loses focus. */
  blur(): void {
    this.focused = false;
    this.emit('blur');
  }
  show(): void {
    this.visible = true;
    this.focused = true;
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
  }
  focus(): void {
    this.focused = true;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getTitle(): string {
    return this.options.title ?? 'Electron';
  }
  /** The user closes the window (or the app does): 'close' may be prevented, else it is destroyed. */
  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroy();
    this.emit('closed');
  }
  /** The page finished its first paint. */
  becomeReadyToShow(): void {
    this.emit('ready-to-show');
  }
}

export const BrowserWindow = FakeBrowserWindow;

// ------------------------------------------------------------------------------- tray, menu, images

export class FakeNativeImage {
  constructor(readonly path: string) {}
  isEmpty(): boolean {
    return this.path === '' || !existsSync(this.path);
  }
}

export const nativeImage = {
  created: [] as string[],
  createFromPath(file: string): FakeNativeImage {
    nativeImage.created.push(file);
    return new FakeNativeImage(file);
  },
  createEmpty(): FakeNativeImage {
    return new FakeNativeImage('');
  },
};

export interface FakeMenuItem {
  label?: string;
  type?: string;
  enabled?: boolean;
  click?: AnyFunction;
}

export class FakeMenu {
  // biome-ignore lint/suspicious/noExplicitAny: MenuItemConstructorOptions, recorded as given
  constructor(readonly items: any[]) {}
  get labels(): string[] {
    return this.items.map((item: FakeMenuItem) => (item.type === 'separator' ? '---' : (item.label ?? '')));
  }
  item(label: string): FakeMenuItem {
    const found = this.items.find((item: FakeMenuItem) => item.label === label);
    if (!found) throw new Error(`no menu item "${label}" in: ${this.labels.join(' | ')}`);
    return found;
  }
  /** Clicks an item the way Electron does: only if it is enabled. */
  click(label: string): void {
    const found = this.item(label);
    if (found.enabled === false) throw new Error(`menu item "${label}" is disabled`);
    found.click?.(found, undefined, {});
  }
}

export const Menu = {
  applicationMenu: null as FakeMenu | null,
  // biome-ignore lint/suspicious/noExplicitAny: MenuItemConstructorOptions
  buildFromTemplate(template: any[]): FakeMenu {
    return new FakeMenu(template);
  },
  setApplicationMenu(menu: FakeMenu | null): void {
    Menu.applicationMenu = menu;
  },
};

export class FakeTray extends EventEmitter {
  static instances: FakeTray[] = [];
  /**
   * Where the icon sits, as getBounds() reports it: on macOS and Windows. Elsewhere Electron answers
   * all zeros, which a test plays by setting this to `{ x: 0, y: 0, width: 0, height: 0 }`.
   */
  bounds: FakeRectangle = { x: 1800, y: 0, width: 24, height: 24 };
  tooltip = '';
  /** The text beside the icon in the macOS menu bar. */
  title = '';
  contextMenu: FakeMenu | null = null;
  private destroyed = false;

  constructor(public image: FakeNativeImage) {
    super();
    FakeTray.instances.push(this);
  }
  setImage(image: FakeNativeImage): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.contextMenu = menu;
  }
  getBounds(): FakeRectangle {
    return { ...this.bounds };
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** The user left-clicks the icon. */
  click(): void {
    this.emit('click', fakeEvent(), { x: 0, y: 0, width: 16, height: 16 }, { x: 0, y: 0 });
  }
  /** The open context menu; fails if none was set. */
  get menu(): FakeMenu {
    if (!this.contextMenu) throw new Error('the tray has no context menu');
    return this.contextMenu;
  }
}

export const Tray = FakeTray;

// ---------------------------------------------------------------------------- notifications, screen

/**
 * Electron's main-process Notification: records the options it was built with and whether it was shown
 * or closed. A test plays the user with click() and dismiss(), the OS with fail(). Like Electron, close()
 * from the app is not promised to emit 'close' (only Windows does), so the fake does not.
 */
export class FakeNotification extends EventEmitter {
  static instances: FakeNotification[] = [];
  /** What Notification.isSupported() answers. */
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }

  shown = 0;
  closed = false;

  // biome-ignore lint/suspicious/noExplicitAny: NotificationConstructorOptions, recorded as given
  constructor(readonly options: Record<string, any> = {}) {
    super();
    FakeNotification.instances.push(this);
  }
  get title(): string {
    return this.options.title ?? '';
  }
  get body(): string {
    return this.options.body ?? '';
  }
  show(): void {
    this.shown++;
    this.closed = false;
    this.emit('show', fakeEvent());
  }
  close(): void {
    this.closed = true;
  }
  /** The user clicks the notification (on screen or in the notification centre). */
  click(): void {
    this.emit('click', fakeEvent());
  }
  /** The user dismisses it, or it times out: 'close', as Electron reports it. */
  dismiss(): void {
    this.closed = true;
    this.emit('close', fakeEvent({ reason: 'userCanceled' }));
  }
  /** The OS refused to show it (macOS and Windows report this). */
  fail(error = 'notification failed'): void {
    this.emit('failed', fakeEvent(), error);
  }
}

export const Notification = FakeNotification;

export interface FakeDisplay {
  id: number;
  bounds: FakeRectangle;
  workArea: FakeRectangle;
  scaleFactor: number;
}

const contains = (rect: FakeRectangle, point: { x: number; y: number }) =>
  point.x >= rect.x && point.x < rect.x + rect.width && point.y >= rect.y && point.y < rect.y + rect.height;

/** Squared distance from a point to a rectangle: 0 inside it. */
function distanceTo(rect: FakeRectangle, point: { x: number; y: number }): number {
  const dx = Math.max(rect.x - point.x, 0, point.x - (rect.x + rect.width - 1));
  const dy = Math.max(rect.y - point.y, 0, point.y - (rect.y + rect.height - 1));
  return dx * dx + dy * dy;
}

/** One 1920×1080 display with a 25 px menu bar on top, unless a test sets others (the first is primary). */
export const screen = {
  displays: [] as FakeDisplay[],
  cursor: { x: 0, y: 0 },
  reset(): void {
    screen.displays = [
      {
        id: 1,
        bounds: { x: 0, y: 0, width: 1920, height: 1080 },
        workArea: { x: 0, y: 25, width: 1920, height: 1055 },
        scaleFactor: 1,
      },
    ];
    screen.cursor = { x: 0, y: 0 };
  },
  getPrimaryDisplay(): FakeDisplay {
    const primary = screen.displays[0];
    if (!primary) throw new Error('no display');
    return primary;
  },
  getAllDisplays(): FakeDisplay[] {
    return [...screen.displays];
  },
  getCursorScreenPoint(): { x: number; y: number } {
    return { ...screen.cursor };
  },
  getDisplayNearestPoint(point: { x: number; y: number }): FakeDisplay {
    const inside = screen.displays.find((display) => contains(display.bounds, point));
    if (inside) return inside;
    const byDistance = [...screen.displays].sort(
      (a, b) => distanceTo(a.bounds, point) - distanceTo(b.bounds, point),
    );
    return byDistance[0] ?? screen.getPrimaryDisplay();
  },
};

// -------------------------------------------------------------------------------- global shortcuts

const MODIFIERS = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);
const NAMED_KEYS = new Set([
  'plus',
  'space',
  'tab',
  'capslock',
  'numlock',
  'scrolllock',
  'backspace',
  'delete',
  'insert',
  'return',
  'enter',
  'up',
  'down',
  'left',
  'right',
  'home',
  'end',
  'pageup',
  'pagedown',
  'escape',
  'esc',
  'volumeup',
  'volumedown',
  'volumemute',
  'medianexttrack',
  'mediaprevioustrack',
  'mediastop',
  'mediaplaypause',
  'printscreen',
  'numdec',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
  ...Array.from({ length: 10 }, (_, n) => `num${n}`),
  ...Array.from({ length: 24 }, (_, n) => `f${n + 1}`),
]);

/** Electron's accelerator grammar: modifiers joined by "+", then exactly one key. */
export function isValidAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+').map((part) => part.trim().toLowerCase());
  const key = parts.pop();
  if (!key || parts.some((part) => !MODIFIERS.has(part))) return false;
  return NAMED_KEYS.has(key) || /^[\x21-\x7e]$/.test(key);
}

export const globalShortcut = {
  registered: new Map<string, AnyFunction>(),
  /** Accelerators another app holds: register() answers false for them, as the OS makes Electron do. */
  takenByOtherApps: new Set<string>(),
  /** Every register() call, refused ones included. */
  attempts: [] as string[],
  register(accelerator: string, callback: AnyFunction): boolean {
    globalShortcut.attempts.push(accelerator);
    if (!isValidAccelerator(accelerator)) {
      throw new TypeError(`Error processing argument at index 0, conversion failure from ${accelerator}`);
    }
    if (globalShortcut.takenByOtherApps.has(accelerator) || globalShortcut.registered.has(accelerator)) {
      return false;
    }
    globalShortcut.registered.set(accelerator, callback);
    return true;
  },
  isRegistered(accelerator: string): boolean {
    return globalShortcut.registered.has(accelerator);
  },
  unregister(accelerator: string): void {
    globalShortcut.registered.delete(accelerator);
  },
  unregisterAll(): void {
    globalShortcut.registered.clear();
  },
  /** The user presses the keys anywhere on the desktop. */
  press(accelerator: string): void {
    const callback = globalShortcut.registered.get(accelerator);
    if (!callback) throw new Error(`no global shortcut ${accelerator} is registered`);
    callback();
  },
};

// ------------------------------------------------------------------------------------------- IPC

export interface FakeInvokeEvent {
  senderFrame: { url: string } | null;
  sender: unknown;
  frameId: number;
  processId: number;
}

/** An invoke event as main sees it, sent from a frame showing `frameUrl` (null: frame gone). */
export function invokeEventFrom(frameUrl: string | null): FakeInvokeEvent {
  return { senderFrame: frameUrl === null ? null : { url: frameUrl }, sender: {}, frameId: 1, processId: 1 };
}

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, AnyFunction>();

  reset(): void {
    this.removeAllListeners();
    this.handlers.clear();
  }
  handle(channel: string, handler: AnyFunction): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** A renderer calls ipcRenderer.invoke: arguments are structured-cloned as they cross processes. */
  async invoke(channel: string, event: FakeInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
    return structuredClone(await handler(event, ...structuredClone(args)));
  }
}

export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  /** The URL of the frame the preload runs in, as main will see it in event.senderFrame. */
  frameUrl = 'lull://app/index.html';

  reset(): void {
    this.removeAllListeners();
    this.frameUrl = 'lull://app/index.html';
  }
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return ipcMain.invoke(channel, invokeEventFrom(this.frameUrl), ...args);
  }
  send(channel: string, ...args: unknown[]): void {
    ipcMain.emit(channel, invokeEventFrom(this.frameUrl), ...structuredClone(args));
  }
}

export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key))
      throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    contextBridge.exposed.set(key, api);
  },
};

// ------------------------------------------------------------------------------- protocol and OS

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(
    schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  ): void {
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (protocol.handlers.has(scheme)) throw new Error(`Protocol "${scheme}" is already handled`);
    protocol.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    protocol.handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return protocol.handlers.has(scheme);
  },
  /** What the page gets when it requests `url` from a handled scheme. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = protocol.handlers.get(scheme);
    if (!handler) throw new Error(`no handler for ${scheme}:`);
    return handler(new Request(url, init));
  },
};

export const powerMonitor = new EventEmitter();

const SEALED = Buffer.from('v10');

/** Reversible and visibly not plain text: a prefix like Chromium's, then every byte XORed. */
export const safeStorage = {
  encryptionAvailable: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable(): boolean {
    return safeStorage.encryptionAvailable;
  },
  getSelectedStorageBackend(): string {
    return safeStorage.backend;
  },
  encryptString(plain: string): Buffer {
    if (!safeStorage.encryptionAvailable) throw new Error('Encryption is not available.');
    return Buffer.concat([SEALED, Buffer.from(plain, 'utf8').map((byte) => byte ^ 0xa5)]);
  },
  decryptString(sealed: Buffer): string {
    if (!sealed.subarray(0, SEALED.length).equals(SEALED))
      throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(sealed.subarray(SEALED.length).map((byte) => byte ^ 0xa5)).toString('utf8');
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
};

export const dialog = {
  errors: [] as Array<{ title: string; content: string }>,
  showErrorBox(title: string, content: string): void {
    dialog.errors.push({ title, content });
  },
};

/** Puts every fake back as a fresh process would find it. */
export function resetElectronFake(): void {
  app.reset();
  session.defaultSession.setPermissionRequestHandler(null);
  session.defaultSession.setPermissionCheckHandler(null);
  FakeBrowserWindow.instances = [];
  FakeTray.instances = [];
  FakeNotification.instances = [];
  FakeNotification.supported = true;
  screen.reset();
  nativeImage.created = [];
  Menu.applicationMenu = null;
  globalShortcut.registered.clear();
  globalShortcut.takenByOtherApps.clear();
  globalShortcut.attempts = [];
  ipcMain.reset();
  ipcRenderer.reset();
  contextBridge.exposed.clear();
  protocol.privileged = [];
  protocol.handlers.clear();
  powerMonitor.removeAllListeners();
  safeStorage.encryptionAvailable = true;
  safeStorage.backend = 'gnome_libsecret';
  shell.opened = [];
  dialog.errors = [];
}

resetElectronFake();
