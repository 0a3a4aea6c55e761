/**
 * An Electron accelerator as people read it on their keyboard, for the platform it runs on: the
 * desktop names a shortcut another app holds, the settings view shows the one in force, and both must
 * print the same keys. `platform` is Node's name for it ('darwin', 'win32', 'linux', …); the renderer
 * derives it from `navigator.platform`. Any platform other than macOS and Windows reads like Linux.
 */
const MAC: Readonly<Record<string, string>> = {
  commandorcontrol: 'Cmd',
  cmdorctrl: 'Cmd',
  super: 'Cmd',
  meta: 'Cmd',
  alt: 'Option',
  option: 'Option',
};

const PC: Readonly<Record<string, string>> = {
  commandorcontrol: 'Ctrl',
  cmdorctrl: 'Ctrl',
  super: 'Super',
  meta: 'Super',
  alt: 'Alt',
  option: 'Alt',
};

/** Windows keyboards print the logo key as "Win"; Linux desktops call it Super. */
const WINDOWS: Readonly<Record<string, string>> = { ...PC, super: 'Win', meta: 'Win' };

const EVERYWHERE: Readonly<Record<string, string>> = {
  command: 'Cmd',
  cmd: 'Cmd',
  control: 'Ctrl',
  ctrl: 'Ctrl',
  altgr: 'AltGr',
  shift: 'Shift',
  plus: '+',
};

/** "CommandOrControl+Shift+F" → "Cmd+Shift+F" on macOS, "Ctrl+Shift+F" elsewhere. */
export function formatAccelerator(accelerator: string, platform: string): string {
  const names = platform === 'darwin' ? MAC : platform === 'win32' ? WINDOWS : PC;
  return accelerator
    .split('+')
    .map((part) => {
      const key = part.trim();
      const name = key.toLowerCase();
      return names[name] ?? EVERYWHERE[name] ?? key;
    })
    .join('+');
}
