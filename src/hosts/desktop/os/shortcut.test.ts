import { describe, expect, it, vi } from 'vitest';
import { FakeGlobalShortcut } from '../../../../test/fakes/electron';
import { focusStatus, saveTimeZone } from '../../../../test/helpers/core-commands';
import { createFakeClock } from '../../../../test/helpers/fake-clock';
import { startTestCore } from '../../../../test/helpers/test-core';
import { silentLogger } from '../../../core/ports';
import { DEFAULT_FOCUS_SHORTCUT } from '../../../core/settings/settings-store';
import { mirrorCore } from '../core-mirror';
import { toggleFocus } from '../tray/tray';
import { manageFocusShortcut } from './shortcut';

const T0 = Date.UTC(2025, 2, 4, 9, 0);

describe('the global focus shortcut, on a real core', () => {
  /** A started core and its mirror, with the shortcut wired as main.ts wires it. */
  async function start(options: { platform?: NodeJS.Platform; setUp?(keys: FakeGlobalShortcut): void } = {}) {
    const core = await startTestCore({ clock: createFakeClock(T0) });
    core.setApiUrl('http://127.0.0.1:1'); // the core reports the shortcut once the API listens
    const mirror = await mirrorCore(core, silentLogger);
    const globalShortcut = new FakeGlobalShortcut();
    options.setUp?.(globalShortcut);
    const stop = manageFocusShortcut({
      globalShortcut,
      core,
      settings: mirror.settings,
      toggle: () => toggleFocus(core, mirror, silentLogger),
      platform: options.platform ?? 'linux',
      logger: silentLogger,
    });
    const reported = async () => (await core.invoke('app:get-info', undefined)).shortcut;
    /** A shortcut set by restoring settings: no command edits it on its own. */
    const saveShortcut = async (focusShortcut: string | null) => {
      const settings = await core.invoke('settings:get', undefined);
      await core.invoke('settings:restore', { settings: { ...settings, focusShortcut } });
    };
    return { core, globalShortcut, stop, reported, saveShortcut };
  }

  it('registers the configured accelerator and toggles focus with it', async () => {
    const { core, globalShortcut, reported } = await start();
    expect(globalShortcut.isRegistered(DEFAULT_FOCUS_SHORTCUT)).toBe(true);
    expect(await reported()).toEqual({ accelerator: DEFAULT_FOCUS_SHORTCUT, registered: true, error: null });

    globalShortcut.press(DEFAULT_FOCUS_SHORTCUT);
    await vi.waitFor(async () => expect((await focusStatus(core)).active).toBe(true));
    globalShortcut.press(DEFAULT_FOCUS_SHORTCUT);
    await vi.waitFor(async () => expect((await focusStatus(core)).active).toBe(false));
  });

  it('says so when another app holds the shortcut, in the platform’s key names', async () => {
    const taken = (keys: FakeGlobalShortcut) => keys.takenByOtherApps.add(DEFAULT_FOCUS_SHORTCUT);
    const linux = await start({ setUp: taken });
    expect(await linux.reported()).toEqual({
      accelerator: DEFAULT_FOCUS_SHORTCUT,
      registered: false,
      error: 'Another app already uses Ctrl+Shift+F',
    });
    const mac = await start({ platform: 'darwin', setUp: taken });
    expect((await mac.reported())?.error).toBe('Another app already uses Cmd+Shift+F');
  });

  it('says so when the accelerator is not one Electron understands', async () => {
    const { globalShortcut, reported, saveShortcut } = await start({
      setUp: (keys) => keys.unparsable.add('Ctrl+Shift+Nope'),
    });
    await saveShortcut('Ctrl+Shift+Nope');
    expect(await reported()).toEqual({
      accelerator: 'Ctrl+Shift+Nope',
      registered: false,
      error: 'Ctrl+Shift+Nope is not a valid shortcut',
    });
    expect(globalShortcut.registered.size).toBe(0);
  });

  it('moves to a new accelerator when the settings change, and drops it when set to none', async () => {
    const { core, globalShortcut, reported, saveShortcut } = await start();
    const infos: unknown[] = [];
    core.events.on('app:info-changed', (info) => infos.push(info.shortcut));

    await saveShortcut('Alt+F9');
    expect([...globalShortcut.registered.keys()]).toEqual(['Alt+F9']);
    expect(infos).toEqual([{ accelerator: 'Alt+F9', registered: true, error: null }]);

    await saveShortcut(null);
    expect(globalShortcut.registered.size).toBe(0);
    expect(await reported()).toEqual({ accelerator: null, registered: false, error: null });
  });

  it('leaves a working shortcut alone on other settings changes, and retries a refused one', async () => {
    const { core, globalShortcut, reported } = await start({
      setUp: (keys) => keys.takenByOtherApps.add(DEFAULT_FOCUS_SHORTCUT),
    });
    expect(globalShortcut.attempts).toHaveLength(1);
    globalShortcut.takenByOtherApps.clear(); // the other app quit
    await saveTimeZone(core, 'Europe/Berlin');
    expect(globalShortcut.attempts).toHaveLength(2);
    expect((await reported())?.registered).toBe(true);
    await saveTimeZone(core, 'Europe/Paris');
    expect(globalShortcut.attempts).toHaveLength(2);
  });

  it('unregisters everything and stops listening when disposed (on quit)', async () => {
    const { globalShortcut, stop, saveShortcut } = await start();
    stop();
    expect(globalShortcut.registered.size).toBe(0);
    await saveShortcut('Alt+F9');
    expect(globalShortcut.registered.size).toBe(0);
  });
});
