import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { globalShortcut, resetElectronFake } from '../../../../test/fakes/electron';
import { createFakeClock } from '../../../../test/helpers/fake-clock';
import { createTestCore } from '../../../../test/helpers/test-core';
import type { Core } from '../../../core/create-core';
import { silentLogger } from '../../../core/ports';
import { DEFAULT_FOCUS_SHORTCUT } from '../../../core/settings/settings-store';
import { toggleFocus } from '../tray/tray';
import { displayAccelerator, manageFocusShortcut } from './shortcut';

const T0 = Date.UTC(2025, 2, 4, 9, 0);

describe('displayAccelerator', () => {
  it('names keys as each platform prints them', () => {
    expect(displayAccelerator('CommandOrControl+Shift+F', 'linux')).toBe('Ctrl+Shift+F');
    expect(displayAccelerator('CmdOrCtrl+Shift+F', 'win32')).toBe('Ctrl+Shift+F');
    expect(displayAccelerator('CommandOrControl+Shift+F', 'darwin')).toBe('Cmd+Shift+F');
    expect(displayAccelerator('Alt+Super+F9', 'darwin')).toBe('Option+Cmd+F9');
    expect(displayAccelerator('Alt+Super+F9', 'win32')).toBe('Alt+Win+F9');
    expect(displayAccelerator('Alt+Super+F9', 'linux')).toBe('Alt+Super+F9');
  });
});

describe('the global focus shortcut, on a real core', () => {
  let core: Core;
  let dispose: () => Promise<void>;

  beforeEach(async () => {
    resetElectronFake();
    ({ core, dispose } = await createTestCore({ clock: createFakeClock(T0) }));
    core.setApiUrl('http://127.0.0.1:1');
  });
  afterEach(() => dispose());

  function start(platform: NodeJS.Platform = 'linux') {
    return manageFocusShortcut({
      globalShortcut,
      core,
      toggle: () => toggleFocus(core.focus, silentLogger),
      platform,
      logger: silentLogger,
    });
  }
  const reported = async () => (await core.handlers['app:get-info'](undefined)).shortcut;

  it('registers the configured accelerator and toggles focus with it', async () => {
    start();
    expect(core.settings.get().focusShortcut).toBe(DEFAULT_FOCUS_SHORTCUT);
    expect(globalShortcut.isRegistered(DEFAULT_FOCUS_SHORTCUT)).toBe(true);
    expect(await reported()).toEqual({ accelerator: DEFAULT_FOCUS_SHORTCUT, registered: true, error: null });

    globalShortcut.press(DEFAULT_FOCUS_SHORTCUT);
    await vi.waitFor(() => expect(core.focus.status().active).toBe(true));
    globalShortcut.press(DEFAULT_FOCUS_SHORTCUT);
    await vi.waitFor(() => expect(core.focus.status().active).toBe(false));
  });

  it('says so when another app holds the shortcut, in the platform’s key names', async () => {
    globalShortcut.takenByOtherApps.add(DEFAULT_FOCUS_SHORTCUT);
    start();
    expect(await reported()).toEqual({
      accelerator: DEFAULT_FOCUS_SHORTCUT,
      registered: false,
      error: 'Another app already uses Ctrl+Shift+F',
    });
    resetElectronFake();
    globalShortcut.takenByOtherApps.add(DEFAULT_FOCUS_SHORTCUT);
    start('darwin');
    expect((await reported())?.error).toBe('Another app already uses Cmd+Shift+F');
  });

  it('says so when the accelerator is not one Electron understands', async () => {
    await core.settings.update({ focusShortcut: 'Ctrl+Shift+Nope' });
    start();
    expect(await reported()).toEqual({
      accelerator: 'Ctrl+Shift+Nope',
      registered: false,
      error: 'Ctrl+Shift+Nope is not a valid shortcut',
    });
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('moves to a new accelerator when the settings change, and drops it when set to none', async () => {
    start();
    const infos: unknown[] = [];
    core.events.on('app:info-changed', (info) => infos.push(info.shortcut));

    await core.settings.update({ focusShortcut: 'Alt+F9' });
    expect([...globalShortcut.registered.keys()]).toEqual(['Alt+F9']);
    expect(infos).toEqual([{ accelerator: 'Alt+F9', registered: true, error: null }]);

    await core.settings.update({ focusShortcut: null });
    expect(globalShortcut.registered.size).toBe(0);
    expect(await reported()).toEqual({ accelerator: null, registered: false, error: null });
  });

  it('leaves a working shortcut alone on other settings changes, and retries a refused one', async () => {
    globalShortcut.takenByOtherApps.add(DEFAULT_FOCUS_SHORTCUT);
    start();
    expect(globalShortcut.attempts).toHaveLength(1);
    globalShortcut.takenByOtherApps.clear(); // the other app quit
    await core.settings.update({ timeZone: 'Europe/Berlin' });
    expect(globalShortcut.attempts).toHaveLength(2);
    expect((await reported())?.registered).toBe(true);
    await core.settings.update({ timeZone: 'Europe/Paris' });
    expect(globalShortcut.attempts).toHaveLength(2);
  });

  it('unregisters everything and stops listening when disposed (on quit)', async () => {
    const stop = start();
    stop();
    expect(globalShortcut.registered.size).toBe(0);
    await core.settings.update({ focusShortcut: 'Alt+F9' });
    expect(globalShortcut.registered.size).toBe(0);
  });
});
