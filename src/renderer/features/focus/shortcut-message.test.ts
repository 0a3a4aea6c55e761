import { describe, expect, it } from 'vitest';
import { shortcutMessage } from './shortcut-message';

describe('shortcutMessage', () => {
  it('points to the desktop app where there is no global shortcut', () => {
    expect(shortcutMessage(null, false)).toEqual({
      tone: 'info',
      text: 'Global shortcut: available in the desktop app',
      keys: null,
    });
  });

  it('names the keys once the desktop registered them', () => {
    const shortcut = { accelerator: 'CommandOrControl+Shift+F', registered: true, error: null };
    expect(shortcutMessage(shortcut, false)).toEqual({
      tone: 'info',
      text: 'Toggle focus from anywhere with',
      keys: 'Ctrl+Shift+F',
    });
    expect(shortcutMessage(shortcut, true).keys).toBe('Cmd+Shift+F');
  });

  it("warns with the desktop's reason when registering failed", () => {
    const refused = {
      accelerator: 'CommandOrControl+Shift+F',
      registered: false,
      error: 'Another app already uses Ctrl+Shift+F',
    };
    expect(shortcutMessage(refused, false)).toEqual({
      tone: 'warning',
      text: 'The shortcut could not be registered: Another app already uses Ctrl+Shift+F',
      keys: null,
    });
    expect(shortcutMessage({ ...refused, error: null }, false).text).toBe(
      'The shortcut could not be registered: Ctrl+Shift+F is not available',
    );
  });

  it('says when the shortcut is turned off', () => {
    expect(shortcutMessage({ accelerator: null, registered: false, error: null }, false)).toEqual({
      tone: 'info',
      text: 'Global shortcut: off',
      keys: null,
    });
  });
});
