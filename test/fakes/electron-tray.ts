/**
 * Electron's tray, menus, images, screen, notifications and global shortcuts as Lull's desktop host
 * uses them (see ./electron.ts).
 */
import { existsSync } from 'node:fs';
import type {
  Display,
  Menu as ElectronMenu,
  GlobalShortcut,
  MenuItemConstructorOptions,
  NativeImage,
  NotificationConstructorOptions,
  Point,
  Rectangle,
  Screen,
} from 'electron';
import type { ShownNotification } from '../../src/hosts/desktop/os/notifier';
import type { TrayIcon } from '../../src/hosts/desktop/tray/tray';
import { FakeEmitter, fakeEvent } from './electron-windows';

// ------------------------------------------------------------------------------- tray, menu, images

export class FakeNativeImage implements Pick<NativeImage, 'isEmpty'> {
  constructor(readonly path: string) {}
  isEmpty(): boolean {
    return this.path === '' || !existsSync(this.path);
  }
}

/** Images and menus are handles Lull only passes back to Electron: the fakes stand in for them. */
const asNativeImage = (image: FakeNativeImage) => image as unknown as NativeImage;

export class FakeNativeImages implements Pick<typeof Electron.NativeImage, 'createFromPath'> {
  created: string[] = [];
  createFromPath(file: string): NativeImage {
    this.created.push(file);
    return asNativeImage(new FakeNativeImage(file));
  }
}

/** What a built menu shows, read from the template Lull gave it. */
export class FakeMenu {
  constructor(readonly items: MenuItemConstructorOptions[]) {}
  get labels(): string[] {
    return this.items.map((item) => (item.type === 'separator' ? '---' : (item.label ?? '')));
  }
  item(label: string): MenuItemConstructorOptions {
    const found = this.items.find((item) => item.label === label);
    if (!found) throw new Error(`no menu item "${label}" in: ${this.labels.join(' | ')}`);
    return found;
  }
  /** The user clicks an item; a disabled one cannot be clicked. */
  click(label: string): void {
    const found = this.item(label);
    if (found.enabled === false) throw new Error(`menu item "${label}" is disabled`);
    (found.click as (() => void) | undefined)?.();
  }
}

export const Menu = {
  buildFromTemplate: (template: MenuItemConstructorOptions[]) =>
    new FakeMenu(template) as unknown as ElectronMenu,
} satisfies Pick<typeof ElectronMenu, 'buildFromTemplate'>;

export class FakeTray extends FakeEmitter implements TrayIcon {
  static instances: FakeTray[] = [];
  /** Where the icon sits: real on macOS and Windows; Linux answers zeros, which a test plays by setting them. */
  bounds: Rectangle = { x: 1800, y: 0, width: 24, height: 24 };
  tooltip = '';
  /** The text beside the icon in the macOS menu bar. */
  title = '';
  private contextMenu: FakeMenu | null = null;
  private destroyed = false;

  constructor(public image: NativeImage) {
    super();
    (new.target as typeof FakeTray).instances.push(this);
  }
  setImage(image: NativeImage): void {
    this.image = image;
  }
  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  setContextMenu(menu: ElectronMenu | null): void {
    this.contextMenu = menu as unknown as FakeMenu | null;
  }
  getBounds(): Rectangle {
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
  /** The context menu Lull set last. */
  get menu(): FakeMenu {
    if (!this.contextMenu) throw new Error('the tray has no context menu');
    return this.contextMenu;
  }
}

/** One 1920×1080 display with a 25 px menu bar on top, unless a test sets others (the first is primary). */
export class FakeScreen implements Pick<Screen, 'getCursorScreenPoint'> {
  displays: Array<Pick<Display, 'bounds' | 'workArea'>> = [
    {
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 25, width: 1920, height: 1055 },
    },
  ];
  cursor: Point = { x: 0, y: 0 };

  getCursorScreenPoint(): Point {
    return { ...this.cursor };
  }
  getPrimaryDisplay(): Pick<Display, 'bounds' | 'workArea'> {
    const [primary] = this.displays;
    if (!primary) throw new Error('no display');
    return primary;
  }
  /** The display containing the point, else the primary: enough for points on some display. */
  getDisplayNearestPoint(point: Point): Pick<Display, 'bounds' | 'workArea'> {
    const { x, y } = point;
    const inside = (r: Rectangle) => x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
    return this.displays.find((display) => inside(display.bounds)) ?? this.getPrimaryDisplay();
  }
}

// ------------------------------------------------------------------------------------ notifications

/** Records the options Lull gave; a test plays the user with click() and dismiss(), the OS with fail(). */
export class FakeNotification extends FakeEmitter implements ShownNotification {
  static instances: FakeNotification[] = [];
  /** What Notification.isSupported() answers. */
  static supported = true;
  static isSupported(): boolean {
    // biome-ignore lint/complexity/noThisInStatic: each isolated subclass answers with its own flag
    return this.supported;
  }

  shown = 0;
  closed = false;

  constructor(readonly options: NotificationConstructorOptions = {}) {
    super();
    (new.target as typeof FakeNotification).instances.push(this);
  }
  show(): void {
    this.shown++;
  }
  close(): void {
    this.closed = true;
  }
  click(): void {
    this.emit('click', fakeEvent());
  }
  dismiss(): void {
    this.emit('close', fakeEvent());
  }
  fail(error = 'notification failed'): void {
    this.emit('failed', fakeEvent(), error);
  }
}

// ------------------------------------------------------------------------------------- shortcuts

export class FakeGlobalShortcut
  implements Pick<GlobalShortcut, 'register' | 'unregister' | 'unregisterAll' | 'isRegistered'>
{
  registered = new Map<string, () => void>();
  /** Accelerators another app holds: register() answers false, as the OS makes Electron do. */
  takenByOtherApps = new Set<string>();
  /** Accelerators Electron cannot parse: register() throws, as Electron does. */
  unparsable = new Set<string>();
  /** Every register() call, refused ones included. */
  attempts: string[] = [];

  register(accelerator: string, callback: () => void): boolean {
    this.attempts.push(accelerator);
    if (this.unparsable.has(accelerator)) throw new TypeError(`conversion failure from ${accelerator}`);
    if (this.takenByOtherApps.has(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  isRegistered(accelerator: string): boolean {
    return this.registered.has(accelerator);
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }
  unregisterAll(): void {
    this.registered.clear();
  }
  /** The user presses the keys anywhere on the desktop. */
  press(accelerator: string): void {
    const callback = this.registered.get(accelerator);
    if (!callback) throw new Error(`no global shortcut ${accelerator} is registered`);
    callback();
  }
}
