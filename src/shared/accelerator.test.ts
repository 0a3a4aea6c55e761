import { describe, expect, it } from 'vitest';
import { formatAccelerator } from './accelerator';

describe('formatAccelerator', () => {
  // accelerator → [macOS, Windows, Linux]
  const table: Array<[string, [string, string, string]]> = [
    ['CommandOrControl+Shift+F', ['Cmd+Shift+F', 'Ctrl+Shift+F', 'Ctrl+Shift+F']],
    ['CmdOrCtrl+Alt+Space', ['Cmd+Option+Space', 'Ctrl+Alt+Space', 'Ctrl+Alt+Space']],
    ['Alt+Super+F9', ['Option+Cmd+F9', 'Alt+Win+F9', 'Alt+Super+F9']],
    ['Meta+K', ['Cmd+K', 'Win+K', 'Super+K']],
    ['Control+Option+L', ['Ctrl+Option+L', 'Ctrl+Alt+L', 'Ctrl+Alt+L']],
    ['Command+Q', ['Cmd+Q', 'Cmd+Q', 'Cmd+Q']],
    ['AltGr+Shift+Plus', ['AltGr+Shift++', 'AltGr+Shift++', 'AltGr+Shift++']],
    ['ctrl + shift + f', ['Ctrl+Shift+f', 'Ctrl+Shift+f', 'Ctrl+Shift+f']],
  ];

  it.each(table)('%s reads %j on macOS, Windows and Linux', (accelerator, [mac, windows, linux]) => {
    expect(formatAccelerator(accelerator, 'darwin')).toBe(mac);
    expect(formatAccelerator(accelerator, 'win32')).toBe(windows);
    expect(formatAccelerator(accelerator, 'linux')).toBe(linux);
  });

  it('reads any other platform like Linux', () => {
    expect(formatAccelerator('Super+CmdOrCtrl+F', 'freebsd')).toBe('Super+Ctrl+F');
  });
});
