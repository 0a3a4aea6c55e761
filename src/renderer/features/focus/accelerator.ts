/** An Electron accelerator as people read it: "CommandOrControl+Shift+F" → "Ctrl+Shift+F" or "Cmd+Shift+F". */
export function formatAccelerator(accelerator: string, mac: boolean): string {
  const names: Record<string, string> = {
    commandorcontrol: mac ? 'Cmd' : 'Ctrl',
    cmdorctrl: mac ? 'Cmd' : 'Ctrl',
    command: 'Cmd',
    cmd: 'Cmd',
    control: 'Ctrl',
    ctrl: 'Ctrl',
    alt: mac ? 'Option' : 'Alt',
    option: 'Option',
    altgr: 'AltGr',
    shift: 'Shift',
    super: mac ? 'Cmd' : 'Super',
    meta: mac ? 'Cmd' : 'Super',
    plus: '+',
  };
  return accelerator
    .split('+')
    .map((part) => names[part.toLowerCase()] ?? part)
    .join('+');
}

/** macOS names the modifier Cmd; everything else Ctrl. */
export const isMac = (platform: string) => /mac|iphone|ipad/i.test(platform);
