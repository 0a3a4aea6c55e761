import { describe, expect, it } from 'vitest';
import { formatAccelerator } from '../../../shared/accelerator';
import { platformOf } from './accelerator';

describe('platformOf', () => {
  it('tells macOS, Windows and the rest apart by navigator.platform', () => {
    expect(platformOf('MacIntel')).toBe('darwin');
    expect(platformOf('iPad')).toBe('darwin');
    expect(platformOf('Win32')).toBe('win32');
    expect(platformOf('Linux x86_64')).toBe('linux');
    expect(platformOf('')).toBe('linux');
  });

  it('gives the page the keys the desktop names', () => {
    expect(formatAccelerator('Super+Shift+F', platformOf('Win32'))).toBe('Win+Shift+F');
    expect(formatAccelerator('CommandOrControl+Shift+F', platformOf('MacIntel'))).toBe('Cmd+Shift+F');
  });
});
