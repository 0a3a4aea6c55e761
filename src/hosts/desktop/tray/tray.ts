import path from 'node:path';
import { Menu, type NativeImage, nativeImage, Tray } from 'electron';
import type { Core } from '../../../core/create-core';
import type { FocusService } from '../../../core/focus/focus-engine';
import type { Cancel, Clock, Logger } from '../../../core/ports';
import type { FocusSet } from '../../../shared/focus-schemas';
import { buildTrayMenuTemplate, type TrayActions, traySummary, trayTooltip, trayViewAt } from './tray-menu';

/** How often the texts are re-read without any event: "tomorrow" and "Mon" go stale at midnight. */
export const TRAY_REFRESH_MS = 60_000;

export interface TrayIcons {
  focusOn: NativeImage;
  focusOff: NativeImage;
}

/**
 * macOS gets monochrome template images (`…Template.png`) that the menu bar tints for light and dark;
 * Windows gets ICO files (several sizes, so any display scale is sharp); Linux gets coloured PNGs.
 * Electron picks up the `@2x` PNGs beside them by itself.
 */
export function loadTrayIcons(resourcesDir: string, platform: NodeJS.Platform, logger: Logger): TrayIcons {
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
export function requestFocus(focus: Pick<FocusService, 'set'>, request: FocusSet, logger: Logger): void {
  focus.set(request).catch((error: unknown) => {
    logger.warn(`could not change focus: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** On if off, off if on (which skips a running scheduled block). */
export function toggleFocus(focus: Pick<FocusService, 'set' | 'status'>, logger: Logger): void {
  requestFocus(focus, focus.status().active ? { active: false } : { active: true }, logger);
}

export interface TrayOptions {
  core: Pick<Core, 'focus' | 'settings' | 'events' | 'calendar' | 'batcher' | 'handlers'>;
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
export function releaseHeld(handlers: Pick<Core['handlers'], 'digest:release'>, logger: Logger): void {
  handlers['digest:release'](undefined).catch((error: unknown) => {
    logger.warn(`could not release held updates: ${error instanceof Error ? error.message : String(error)}`);
  });
}

export interface LullTray {
  readonly tray: Tray;
  /** Re-reads the state and redraws what changed: after a time-zone change, say. */
  refresh(): void;
  dispose(): void;
}

/**
 * The tray icon. A click toggles focus where the platform delivers clicks (Windows; on macOS a click
 * opens the menu, and some Linux trays only ever show the menu), so the menu is always set. Icon,
 * tooltip, macOS title and menu follow the core: on every focus, settings or held-count change, and once
 * a minute so that day names stay right across midnight. Nothing is redrawn when nothing changed.
 * The held count and next release are read from the batcher on each redraw rather than from the
 * 'digest:changed' payload, which only triggers it: a settings change can move the next summary
 * without that event.
 */
export function createTray(options: TrayOptions): LullTray {
  const { core, icons, clock, logger } = options;
  const actions: TrayActions = {
    setFocus: (request) => requestFocus(core.focus, request, logger),
    openInbox: options.openInbox,
    openFocusSettings: options.openFocusSettings,
    releaseHeld: () => releaseHeld(core.handlers, logger),
    peekHeld: options.peekHeld,
    quit: options.quit,
  };
  const tray = new Tray(core.focus.status().active ? icons.focusOn : icons.focusOff);
  let drawn = '';
  let cancelTimer: Cancel | null = null;

  const render = () => {
    if (tray.isDestroyed()) return;
    const { heldCount, nextReleaseAt } = core.batcher.status();
    const view = trayViewAt({
      status: core.focus.status(),
      now: clock.now(),
      calendar: core.calendar(),
      rules: core.settings.get().focusRules,
      held: { heldCount, nextReleaseAt },
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

  tray.on('click', () => toggleFocus(core.focus, logger));
  const unsubscribe = [
    core.events.on('focus:changed', render),
    core.events.on('settings:changed', render),
    core.events.on('digest:changed', render),
  ];
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
