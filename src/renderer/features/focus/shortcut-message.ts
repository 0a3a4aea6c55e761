import { formatAccelerator } from '../../../shared/accelerator';
import type { AppInfo } from '../../../shared/contract';

export interface ShortcutMessage {
  tone: 'info' | 'warning';
  /** The words before the keys, or the whole message when there are no keys to show. */
  text: string;
  /** "Ctrl+Shift+F", shown as keys after the text. */
  keys: string | null;
}

/**
 * What the focus view says about the global shortcut, from the desktop's report of registering it;
 * `platform` as Node names it (see `platformOf`), so the keys read as the desktop's own messages do.
 */
export function shortcutMessage(shortcut: AppInfo['shortcut'], platform: string): ShortcutMessage {
  if (shortcut === null) {
    return { tone: 'info', text: 'Global shortcut: available in the desktop app', keys: null };
  }
  const keys = shortcut.accelerator ? formatAccelerator(shortcut.accelerator, platform) : null;
  if (!keys) return { tone: 'info', text: 'Global shortcut: off', keys: null };
  if (shortcut.registered) return { tone: 'info', text: 'Toggle focus from anywhere with', keys };
  const reason = shortcut.error ?? `${keys} is not available`;
  return { tone: 'warning', text: `The shortcut could not be registered: ${reason}`, keys: null };
}
