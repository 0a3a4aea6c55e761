import path from 'node:path';
import { Menu, type MenuItemConstructorOptions, type NativeImage, nativeImage, Tray } from 'electron';
import type { FocusSet, FocusStatus } from '../../shared/focus-schemas';
import type { FocusService } from '../focus-service';
import type { Logger } from '../ports';

/** What the tray menu can ask for; createTray wires these to the core and the window. */
export interface TrayActions {
  setFocus(active: boolean): void;
  focusFor(minutes: number): void;
  openInbox(): void;
  quit(): void;
}

export const TIMED_FOCUS: ReadonlyArray<{ minutes: number; label: string }> = [
  { minutes: 25, label: 'Focus for 25 minutes' },
  { minutes: 60, label: 'Focus for 1 hour' },
  { minutes: 120, label: 'Focus for 2 hours' },
];

function formatter(zone: string | undefined, withDay: boolean): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(withDay ? { weekday: 'short' } : {}),
  };
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone });
  } catch {
    // An unknown zone in the settings must not break the tray: fall back to the system zone.
    return new Intl.DateTimeFormat('en-GB', options);
  }
}

const dayOf = (at: number, zone: string | undefined) =>
  formatter(zone, true)
    .formatToParts(at)
    .find((part) => part.type === 'weekday')?.value;

/** "Focus off", "Focus on", "Focus on · until 11:00", or "Focus on · until Tue 09:00" past today. */
export function describeFocus(status: FocusStatus, now: number, zone?: string): string {
  if (!status.active) return 'Focus off';
  if (status.until === null) return 'Focus on';
  const otherDay = status.until - now >= 24 * 3_600_000 || dayOf(status.until, zone) !== dayOf(now, zone);
  return `Focus on · until ${formatter(zone, otherDay).format(status.until).replace(',', '')}`;
}

/** The tray menu for a focus state; pure so it can be tested without a tray. */
export function buildTrayMenuTemplate(
  status: FocusStatus,
  actions: TrayActions,
  now: number,
  zone?: string,
): MenuItemConstructorOptions[] {
  return [
    { label: describeFocus(status, now, zone), enabled: false },
    status.active
      ? { label: 'Turn focus off', click: () => actions.setFocus(false) }
      : { label: 'Turn focus on', click: () => actions.setFocus(true) },
    ...TIMED_FOCUS.map(({ minutes, label }) => ({ label, click: () => actions.focusFor(minutes) })),
    { type: 'separator' },
    { label: 'Open inbox', click: () => actions.openInbox() },
    { type: 'separator' },
    { label: 'Quit Lull', click: () => actions.quit() },
  ];
}

export interface TrayIcons {
  focusOn: NativeImage;
  focusOff: NativeImage;
}

/**
 * macOS gets monochrome template images (`…Template.png`) that the menu bar tints for light and dark;
 * Windows and Linux get coloured ones. Electron picks up the `@2x` files beside them by itself.
 */
export function loadTrayIcons(resourcesDir: string, platform: NodeJS.Platform, logger: Logger): TrayIcons {
  const load = (state: 'focus-on' | 'focus-off') => {
    const file = path.join(resourcesDir, `tray-${state}${platform === 'darwin' ? 'Template' : ''}.png`);
    const image = nativeImage.createFromPath(file);
    if (image.isEmpty()) logger.warn(`tray icon missing or unreadable: ${file}`);
    return image;
  };
  return { focusOn: load('focus-on'), focusOff: load('focus-off') };
}

export interface TrayOptions {
  focus: FocusService;
  icons: TrayIcons;
  now(): number;
  /** The user's IANA zone; undefined follows the system. */
  zone(): string | undefined;
  openInbox(): void;
  quit(): void;
  logger: Logger;
}

export interface LullTray {
  readonly tray: Tray;
  dispose(): void;
}

/**
 * The tray icon: a click toggles focus, and the menu is always set because some Linux trays never
 * deliver clicks (and on macOS a click opens the menu, whose second item toggles focus). Icon, tooltip
 * and menu follow the core's focus state.
 */
export function createTray(options: TrayOptions): LullTray {
  const { focus, icons, logger } = options;
  const request = (change: FocusSet) => {
    focus.set(change).catch((error: unknown) => logger.error(`could not change focus: ${String(error)}`));
  };
  const actions: TrayActions = {
    setFocus: (active) => request(active ? { active: true } : { active: false }),
    focusFor: (minutes) => request({ active: true, minutes }),
    openInbox: options.openInbox,
    quit: options.quit,
  };
  const tray = new Tray(focus.status().active ? icons.focusOn : icons.focusOff);

  const render = (status: FocusStatus) => {
    const now = options.now();
    const zone = options.zone();
    tray.setImage(status.active ? icons.focusOn : icons.focusOff);
    tray.setToolTip(`Lull · ${describeFocus(status, now, zone)}`);
    tray.setContextMenu(Menu.buildFromTemplate(buildTrayMenuTemplate(status, actions, now, zone)));
  };

  render(focus.status());
  tray.on('click', () => actions.setFocus(!focus.status().active));
  const stopWatching = focus.onChange((status) => render(status));
  return {
    tray,
    dispose() {
      stopWatching();
      tray.destroy();
    },
  };
}
