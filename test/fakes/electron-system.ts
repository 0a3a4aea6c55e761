/**
 * Electron's IPC, protocol, keychain, shell, dialogs and context bridge as Lull's desktop host and
 * preload use them (see ./electron.ts).
 */
import { EventEmitter } from 'node:events';
import type {
  ContextBridge,
  Dialog,
  IpcMain,
  IpcMainInvokeEvent,
  IpcRenderer,
  Protocol,
  SafeStorage,
  Shell,
} from 'electron';

// ------------------------------------------------------------------------------------------------ IPC

/** An invoke event as main sees it, sent from a frame showing `frameUrl` (null: the frame is gone). */
export function invokeEventFrom(frameUrl: string | null): IpcMainInvokeEvent {
  return { senderFrame: frameUrl === null ? null : { url: frameUrl } } as unknown as IpcMainInvokeEvent;
}

type InvokeHandler = Parameters<IpcMain['handle']>[1];

export class FakeIpcMain implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** A page calls ipcRenderer.invoke: arguments and answer are copied as they cross processes. */
  async invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
    return structuredClone(await handler(event, ...structuredClone(args)));
  }
}

export class FakeIpcRenderer extends EventEmitter implements Pick<IpcRenderer, 'invoke'> {
  /** The URL of the frame the preload runs in, as main sees it in event.senderFrame. */
  frameUrl = 'lull://app/index.html';

  constructor(private readonly main: FakeIpcMain) {
    super();
  }
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return this.main.invoke(channel, invokeEventFrom(this.frameUrl), ...args);
  }
}

// ---------------------------------------------------------------------------------- protocol and OS

type ProtocolHandler = Parameters<Protocol['handle']>[1];
type PrivilegedScheme = Parameters<Protocol['registerSchemesAsPrivileged']>[0][number];

export class FakeProtocol implements Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle'> {
  privileged: PrivilegedScheme[] = [];
  handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(schemes: PrivilegedScheme[]): void {
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    if (this.handlers.has(scheme)) throw new Error(`Protocol "${scheme}" is already handled`);
    this.handlers.set(scheme, handler);
  }
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  }
}

const SEALED = Buffer.from('v10');

/** Reversible and visibly not plain text; `encryptionAvailable: false` plays a machine without a keychain. */
export class FakeSafeStorage
  implements
    Pick<
      SafeStorage,
      'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'
    >
{
  encryptionAvailable = true;
  isEncryptionAvailable(): boolean {
    return this.encryptionAvailable;
  }
  getSelectedStorageBackend() {
    return 'gnome_libsecret' as const;
  }
  encryptString(plain: string): Buffer {
    return Buffer.concat([SEALED, Buffer.from(plain, 'utf8').map((byte) => byte ^ 0xa5)]);
  }
  decryptString(sealed: Buffer): string {
    if (!sealed.subarray(0, SEALED.length).equals(SEALED)) throw new Error('Error while decrypting');
    return Buffer.from(sealed.subarray(SEALED.length).map((byte) => byte ^ 0xa5)).toString('utf8');
  }
}

export class FakeShell implements Pick<Shell, 'openExternal'> {
  opened: string[] = [];
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  }
}

export class FakeDialog implements Pick<Dialog, 'showErrorBox'> {
  errors: Array<{ title: string; content: string }> = [];
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  }
}

export class FakeContextBridge implements Pick<ContextBridge, 'exposeInMainWorld'> {
  exposed = new Map<string, unknown>();
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    this.exposed.set(key, api);
  }
}
