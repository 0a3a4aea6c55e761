/**
 * Electron's app and windows as Lull's desktop host uses them (see ./electron.ts): what a window was
 * created with and what Lull registered on it are recorded; nothing of Chromium is modelled.
 */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import type {
  App,
  BrowserWindowConstructorOptions,
  BrowserWindow as ElectronBrowserWindow,
  Session,
  WebContents,
} from 'electron';
import type { AppWebContents, AppWindow } from '../../src/hosts/desktop/windows/inbox-window';

// biome-ignore lint/suspicious/noExplicitAny: Electron's listeners take any arguments
type Listener = (...args: any[]) => void;

/**
 * Node's emitter, as Electron's classes are. Electron's `on` returns the whole class (`this`), which no
 * slice of it can be; Lull never uses what `on` returns, so the fakes answer `any` there and nowhere else.
 */
export class FakeEmitter extends EventEmitter {
  // biome-ignore lint/suspicious/noExplicitAny: see above
  override on(event: string | symbol, listener: Listener): any {
    return super.on(event, listener);
  }
  // biome-ignore lint/suspicious/noExplicitAny: see above
  override once(event: string | symbol, listener: Listener): any {
    return super.once(event, listener);
  }
  // biome-ignore lint/suspicious/noExplicitAny: see above
  override removeListener(event: string | symbol, listener: Listener): any {
    return super.removeListener(event, listener);
  }
}

/** An Electron event: listeners call preventDefault(), the emitter reads defaultPrevented. */
export function fakeEvent<T extends object>(fields: T = {} as T) {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

/** Emits a preventable event to what Lull registered; true when a listener prevented it. */
export function emitPreventable(emitter: EventEmitter, name: string, fields: object = {}): boolean {
  const event = fakeEvent(fields);
  emitter.emit(name, event);
  return event.defaultPrevented;
}

// ---------------------------------------------------------------------------------------------- app

export class FakeApp
  extends FakeEmitter
  implements
    Pick<
      App,
      | 'on'
      | 'getPath'
      | 'setPath'
      | 'setName'
      | 'whenReady'
      | 'requestSingleInstanceLock'
      | 'setAppUserModelId'
      | 'quit'
      | 'exit'
    >
{
  readonly paths = new Map([['userData', path.join(os.tmpdir(), 'lull-fake-electron')]]);
  /** Set to false to play a second instance: requestSingleInstanceLock() then refuses. */
  singleInstanceLockAvailable = true;
  quitRequests = 0;
  exitCodes: number[] = [];

  /** `windows`: what quitting closes, as Electron closes every open window. */
  constructor(private readonly windows: readonly FakeBrowserWindow[] = FakeBrowserWindow.instances) {
    super();
  }

  getPath(name: Parameters<App['getPath']>[0]): string {
    const value = this.paths.get(name);
    if (!value) throw new Error(`Failed to get '${name}' path`);
    return value;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  setName(): void {}
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLockAvailable;
  }
  setAppUserModelId(): void {}
  /** Electron's documented order: before-quit, every window closes (any may refuse), will-quit, quit. */
  quit(): void {
    this.quitRequests++;
    if (emitPreventable(this, 'before-quit')) return;
    for (const win of this.windows) {
      win.close();
      if (!win.isDestroyed()) return;
    }
    if (emitPreventable(this, 'will-quit')) return;
    this.emit('quit', fakeEvent(), 0);
  }
  exit(code = 0): void {
    this.exitCodes.push(code);
  }
}

// -------------------------------------------------------------------------------------------- windows

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;

export class FakeSession
  implements Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>
{
  permissionRequestHandler: RequestHandler | null = null;
  permissionCheckHandler: CheckHandler | null = null;

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  /** The page asks for a permission: what Lull's request handler grants. */
  askPermission(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) throw new Error('no permission request handler was set');
    return new Promise((grant) =>
      handler(...([null, permission, grant, {}] as unknown as Parameters<RequestHandler>)),
    );
  }
  /** The page checks a permission: what Lull's check handler answers. */
  checkPermission(permission: string): boolean {
    const handler = this.permissionCheckHandler;
    if (!handler) throw new Error('no permission check handler was set');
    return handler(...([null, permission, '', {}] as unknown as Parameters<CheckHandler>));
  }
}

type WindowOpenHandler = Parameters<WebContents['setWindowOpenHandler']>[0];

export class FakeWebContents extends FakeEmitter implements AppWebContents {
  url = '';
  sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly session = new FakeSession();
  /** How often Lull cleared the page's history. */
  readonly navigationHistory = {
    clears: 0,
    clear: () => {
      this.navigationHistory.clears++;
    },
  };
  destroyed = false;

  getURL(): string {
    return this.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  /** Main → page; copied as IPC copies it. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args: structuredClone(args) });
  }
  /** The page asks to open `url` in a new window: what Lull's handler answers. */
  openWindow(url: string): ReturnType<WindowOpenHandler> {
    if (!this.windowOpenHandler) throw new Error('no window open handler was set');
    const details = { url, frameName: '', features: '', disposition: 'new-window', referrer: {} };
    return this.windowOpenHandler(details as Parameters<WindowOpenHandler>[0]);
  }
}

export class FakeBrowserWindow
  extends FakeEmitter
  implements AppWindow, Pick<ElectronBrowserWindow, 'minimize' | 'isVisible' | 'destroy'>
{
  static instances: FakeBrowserWindow[] = [];

  readonly webContents = new FakeWebContents();
  /** Every URL Lull asked the window to load, in order. */
  loadedUrls: string[] = [];
  position: { x: number; y: number };
  visible = false;
  focused = false;
  minimized = false;
  private destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    this.position = { x: options.x ?? 0, y: options.y ?? 0 };
    (new.target as typeof FakeBrowserWindow).instances.push(this);
  }

  get webPreferences() {
    return this.options.webPreferences ?? {};
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.url = url;
    return Promise.resolve();
  }
  setPosition(x: number, y: number): void {
    if (!Number.isInteger(x) || !Number.isInteger(y)) throw new TypeError('Error processing argument');
    this.position = { x, y };
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
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** The user (or the app) closes the window: 'close' may be prevented, else it is destroyed. */
  close(): void {
    if (!this.destroyed && !emitPreventable(this, 'close')) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  /** The page has painted: Electron's cue to show a window created with `show: false`. */
  becomeReadyToShow(): void {
    this.emit('ready-to-show');
  }
}
