import path from 'node:path';
import type { Menu, NativeImage, Tray } from 'electron';
import type { Core } from '../../../core/create-core';
import type { Cancel, Clock, Logger } from '../../../core/ports';
import type { FocusSet } from '../../../shared/focus-schemas';
import type { CoreMirror } from '../core-mirror';
import { buildTrayMenuTemplate, type TrayActions, traySummary, trayTooltip, trayViewAt } from './tray-menu';

/** How often the texts are re-read without any event: "tomorrow" and "Mon" go stale at midnight. */
export const TRAY_REFRESH_MS = 60_000;

export interface TrayIcons {
  focusOn: NativeImage;
  focusOff: NativeImage;
}

/** The tray icon as Lull uses it: Electron's Tray, cut to what is called. */
export type TrayIcon = Pick<
  Tray,
  'on' | 'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'getBounds' | 'isDestroyed' | 'destroy'
>;

/** What the tray takes from Electron; main.ts passes Electron's own `Tray` and `Menu`. */
export interface TrayElectron {
  Tray: new (image: NativeImage) => TrayIcon;
  Menu: Pick<typeof Menu, 'buildFromTemplate'>;
}

/**
 * macOS gets monochrome template images (`…Template.png`) that the menu bar tints for light and dark;
 * Windows gets ICO files (several sizes, so any display scale is sharp); Linux gets coloured PNGs.
 * Electron picks up the `@2x` PNGs beside them by itself.
 */
export function loadTrayIcons(
  nativeImage: Pick<typeof Electron.NativeImage, 'createFromPath'>,
  resourcesDir: string,
  platform: NodeJS.Platform,
  logger: Logger,
): TrayIcons {
  const fileName = (state: string) =>
    platform === 'darwin'
      ? `tray-${state}Template.png`
      : platform === 'win32'
        ? `tray-${state}.ico`
        : `tray-${state}.png`;
  const load = (state: 'focus-on' | 'focus-off') => {
    const file = path.join(resourcesDir, fileName(state));
    const image = nativeImage.createFromPath(file);
    if (image.isEmpty()) logger.warn(`tray icon missing or unreadable: ${file}`);
    return image;
  };
  return { focusOn: load('focus-on'), focusOff: load('focus-off') };
}

/** Asks the core for a focus change from a click, a menu item or the shortcut; failures are only logged. */
export function requestFocus(core: Pick<Core, 'invoke'>, request: FocusSet, logger: Logger): void {
  core.invoke('focus:set', request).catch((error: unknown) => {
    logger.warn(`could not change focus: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** On if off, off if on (which skips a running scheduled block). */
export function toggleFocus(
  core: Pick<Core, 'invoke'>,
  mirror: Pick<CoreMirror, 'focus'>,
  logger: Logger,
): void {
  requestFocus(core, mirror.focus().active ? { active: false } : { active: true }, logger);
}

export interface TrayOptions {
  electron: TrayElectron;
  core: Pick<Core, 'invoke'>;
  mirror: CoreMirror;
  icons: TrayIcons;
  clock: Clock;
  platform: NodeJS.Platform;
  openInbox(): void;
  openFocusSettings(): void;
  /** Shows the held updates without releasing them (the digest pop-up, peeking). */
  peekHeld(): void;
  quit(): void;
  logger: Logger;
}

/** "Show held updates now": one digest of everything held; failures are only logged. */
export function releaseHeld(core: Pick<Core, 'invoke'>, logger: Logger): void {
  core.invoke('digest:release', undefined).catch((error: unknown) => {
    logger.warn(`could not release held updates: ${error instanceof Error ? error.message : String(error)}`);
  });
}

export interface LullTray {
  readonly tray: TrayIcon;
  /** Re-reads the state and redraws what changed: after a time-zone change, say. */
  refresh(): void;
  dispose(): void;
}

/**
 * The tray icon. A click toggles focus where the platform delivers clicks (Windows; on macOS a click
 * opens the menu, and some Linux trays only ever show the menu), so the menu is always set. Icon,
 * tooltip, macOS title and menu follow the core: on every focus, settings or held-count change, and once
 * a minute so that day names stay right across midnight. Nothing is redrawn when nothing changed.
 * Everything is read from the core's mirror, which follows focus, settings and held-count events.
 */
export function createTray(options: TrayOptions): LullTray {
  const { core, mirror, icons, clock, logger } = options;
  const actions: TrayActions = {
    setFocus: (request) => requestFocus(core, request, logger),
    openInbox: options.openInbox,
    openFocusSettings: options.openFocusSettings,
    releaseHeld: () => releaseHeld(core, logger),
    peekHeld: options.peekHeld,
    quit: options.quit,
  };
  const { Tray, Menu } = options.electron;
  const tray = new Tray(mirror.focus().active ? icons.focusOn : icons.focusOff);
  let drawn = '';
  let cancelTimer: Cancel | null = null;

  const render = () => {
    if (tray.isDestroyed()) return;
    const view = trayViewAt({
      status: mirror.focus(),
      now: clock.now(),
      calendar: mirror.calendar(),
      rules: mirror.settings().focusRules,
      held: mirror.held(),
    });
    const template = buildTrayMenuTemplate(view, actions);
    const summary = traySummary(view);
    const tooltip = trayTooltip(view);
    const key = JSON.stringify([
      view.status.active,
      summary,
      tooltip,
      template.map((i) => [i.label, i.enabled]),
    ]);
    if (key === drawn) return;
    drawn = key;
    tray.setImage(view.status.active ? icons.focusOn : icons.focusOff);
    tray.setToolTip(tooltip);
    // The menu bar has little room: the title speaks only while focus (or a skip) is running.
    if (options.platform === 'darwin')
      tray.setTitle(view.status.active || view.status.skipping ? summary : '');
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };
  const tick = () => {
    render();
    if (!tray.isDestroyed()) cancelTimer = clock.setTimer(tick, TRAY_REFRESH_MS);
  };

  tray.on('click', () => toggleFocus(core, mirror, logger));
  const unsubscribe = [mirror.onChange(render)];
  tick();
  return {
    tray,
    refresh: render,
    dispose() {
      cancelTimer?.();
      for (const stop of unsubscribe) stop();
      tray.destroy();
    },
  };
}
