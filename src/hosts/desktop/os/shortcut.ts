import type { GlobalShortcut } from 'electron';
import type { Core } from '../../../core/create-core';
import type { Logger } from '../../../core/ports';
import { formatAccelerator } from '../../../shared/accelerator';
import type { AppInfo } from '../../../shared/contract';
import type { Settings } from '../../../shared/settings-schema';

type ShortcutStatus = NonNullable<AppInfo['shortcut']>;

export interface FocusShortcutOptions {
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister' | 'unregisterAll'>;
  core: Pick<Core, 'events' | 'setShortcutStatus'>;
  /** The settings as the core last announced them. */
  settings: () => Settings;
  /** What the shortcut does: toggle focus. */
  toggle(): void;
  platform: NodeJS.Platform;
  logger: Logger;
}

/**
 * The global focus shortcut from the settings (`focusShortcut`), registered again whenever the
 * settings change, with the outcome reported to the core so the settings view can say when the
 * desktop refused it. Returns the function that unregisters it, for quit.
 */
export function manageFocusShortcut(options: FocusShortcutOptions): () => void {
  const { globalShortcut, core, platform, logger } = options;
  let current: ShortcutStatus = { accelerator: null, registered: false, error: null };

  function register(accelerator: string): ShortcutStatus {
    const shown = formatAccelerator(accelerator, platform);
    try {
      // false: the OS gave it to someone else (another app, or a desktop that keeps it for itself).
      if (globalShortcut.register(accelerator, options.toggle)) {
        return { accelerator, registered: true, error: null };
      }
      return { accelerator, registered: false, error: `Another app already uses ${shown}` };
    } catch {
      // Electron throws when it cannot parse the accelerator.
      return { accelerator, registered: false, error: `${shown} is not a valid shortcut` };
    }
  }

  function apply(accelerator: string | null): void {
    // Unchanged and working: nothing to do. Unchanged but refused: try again, the other app may be gone.
    if (accelerator === current.accelerator && current.registered) return;
    if (current.registered && current.accelerator !== null) globalShortcut.unregister(current.accelerator);
    current =
      accelerator === null ? { accelerator: null, registered: false, error: null } : register(accelerator);
    if (current.error) logger.warn(`focus shortcut: ${current.error}`);
    core.setShortcutStatus(current);
  }

  apply(options.settings().focusShortcut);
  const unsubscribe = core.events.on('settings:changed', (settings) => apply(settings.focusShortcut));
  return () => {
    unsubscribe();
    globalShortcut.unregisterAll();
  };
}
