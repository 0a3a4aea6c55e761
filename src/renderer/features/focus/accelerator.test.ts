import { describe, expect, it } from 'vitest';
import { formatAccelerator, isMac } from './accelerator';

describe('formatAccelerator', () => {
  it('names the platform modifier as people read it', () => {
    expect(formatAccelerator('CommandOrControl+Shift+F', false)).toBe('Ctrl+Shift+F');
    expect(formatAccelerator('CommandOrControl+Shift+F', true)).toBe('Cmd+Shift+F');
    expect(formatAccelerator('CmdOrCtrl+Alt+Space', false)).toBe('Ctrl+Alt+Space');
    expect(formatAccelerator('CmdOrCtrl+Alt+Space', true)).toBe('Cmd+Option+Space');
    expect(formatAccelerator('Super+Plus', false)).toBe('Super++');
  });

  it('tells macOS from the rest by the platform string', () => {
    expect(isMac('MacIntel')).toBe(true);
    expect(isMac('Win32')).toBe(false);
    expect(isMac('Linux x86_64')).toBe(false);
  });
});
