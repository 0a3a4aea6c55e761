import { describe, expect, it } from 'vitest';
import { shortcutMessage } from './shortcut-message';

describe('shortcutMessage', () => {
  it('points to the desktop app where there is no global shortcut', () => {
    expect(shortcutMessage(null, 'linux')).toEqual({
      tone: 'info',
      text: 'Global shortcut: available in the desktop app',
      keys: null,
    });
  });

  it('names the keys once the desktop registered them', () => {
    const shortcut = { accelerator: 'CommandOrControl+Shift+F', registered: true, error: null };
    expect(shortcutMessage(shortcut, 'linux')).toEqual({
      tone: 'info',
      text: 'Toggle focus from anywhere with',
      keys: 'Ctrl+Shift+F',
    });
    expect(shortcutMessage(shortcut, 'darwin').keys).toBe('Cmd+Shift+F');
    const win = { accelerator: 'Super+Shift+F', registered: true, error: null };
    expect(shortcutMessage(win, 'win32').keys).toBe('Win+Shift+F');
  });

  it("warns with the desktop's reason when registering failed", () => {
    const refused = {
      accelerator: 'CommandOrControl+Shift+F',
      registered: false,
      error: 'Another app already uses Ctrl+Shift+F',
    };
    expect(shortcutMessage(refused, 'linux')).toEqual({
      tone: 'warning',
      text: 'The shortcut could not be registered: Another app already uses Ctrl+Shift+F',
      keys: null,
    });
    expect(shortcutMessage({ ...refused, error: null }, 'linux').text).toBe(
      'The shortcut could not be registered: Ctrl+Shift+F is not available',
    );
  });

  it('says when the shortcut is turned off', () => {
    expect(shortcutMessage({ accelerator: null, registered: false, error: null }, 'linux')).toEqual({
      tone: 'info',
      text: 'Global shortcut: off',
      keys: null,
    });
  });
});
