import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTray, nativeImage, resetElectronFake } from '../../../test/fakes/electron';
import { createFakeClock } from '../../../test/helpers/fake-clock';
import { createTestCore } from '../../../test/helpers/test-core';
import type { FocusStatus } from '../../shared/schemas';
import type { Core } from '../core';
import { silentLogger } from '../ports';
import {
  buildTrayMenuTemplate,
  createTray,
  describeFocus,
  loadTrayIcons,
  type TrayActions,
  type TrayIcons,
} from './tray';

const T0 = Date.UTC(2025, 2, 4, 9, 0); // Tuesday 4 March 2025, 09:00 UTC
const OFF: FocusStatus = { active: false, cause: null, since: null, until: null };
const onUntil = (until: number | null): FocusStatus => ({ active: true, cause: 'manual', since: T0, until });

const labels = (template: MenuItemConstructorOptions[]) =>
  template.map((item) => (item.type === 'separator' ? '---' : item.label));

function recordingActions() {
  const calls: string[] = [];
  const actions: TrayActions = {
    setFocus: (active) => calls.push(`setFocus(${active})`),
    focusFor: (minutes) => calls.push(`focusFor(${minutes})`),
    openInbox: () => calls.push('openInbox'),
    quit: () => calls.push('quit'),
  };
  return { calls, actions };
}

describe('describeFocus', () => {
  it('says off, on, and until when, in the given zone', () => {
    expect(describeFocus(OFF, T0)).toBe('Focus off');
    expect(describeFocus(onUntil(null), T0)).toBe('Focus on');
    expect(describeFocus(onUntil(T0 + 2 * 3_600_000), T0)).toBe('Focus on · until 11:00');
    expect(describeFocus(onUntil(T0 + 2 * 3_600_000), T0, 'America/New_York')).toBe('Focus on · until 06:00');
  });

  it('names the day when focus runs past today, and survives an unknown zone', () => {
    expect(describeFocus(onUntil(T0 + 20 * 3_600_000), T0)).toBe('Focus on · until Wed 05:00');
    expect(describeFocus(onUntil(T0 + 3_600_000), T0, 'Not/AZone')).toMatch(/^Focus on · until \d\d:\d\d$/);
  });
});

describe('buildTrayMenuTemplate', () => {
  it('offers to turn focus on, timed focus, the inbox and quit when focus is off', () => {
    const { actions } = recordingActions();
    const template = buildTrayMenuTemplate(OFF, actions, T0, 'UTC');
    expect(labels(template)).toEqual([
      'Focus off',
      'Turn focus on',
      'Focus for 25 minutes',
      'Focus for 1 hour',
      'Focus for 2 hours',
      '---',
      'Open inbox',
      '---',
      'Quit Lull',
    ]);
    expect(template[0]?.enabled).toBe(false);
  });

  it('shows until when and offers to turn focus off when focus is on', () => {
    const { actions } = recordingActions();
    const template = buildTrayMenuTemplate(onUntil(T0 + 25 * 60_000), actions, T0, 'UTC');
    expect(labels(template).slice(0, 3)).toEqual([
      'Focus on · until 09:25',
      'Turn focus off',
      'Focus for 25 minutes',
    ]);
    expect(labels(template)).not.toContain('Turn focus on');
  });

  it('wires each item to the action its label names', () => {
    const click = (status: FocusStatus, label: string) => {
      const { calls, actions } = recordingActions();
      const item = buildTrayMenuTemplate(status, actions, T0).find((entry) => entry.label === label);
      if (!item?.click) throw new Error(`no clickable item "${label}"`);
      (item.click as () => void)();
      return calls;
    };
    expect(click(OFF, 'Turn focus on')).toEqual(['setFocus(true)']);
    expect(click(onUntil(null), 'Turn focus off')).toEqual(['setFocus(false)']);
    expect(click(OFF, 'Focus for 25 minutes')).toEqual(['focusFor(25)']);
    expect(click(OFF, 'Focus for 1 hour')).toEqual(['focusFor(60)']);
    expect(click(OFF, 'Focus for 2 hours')).toEqual(['focusFor(120)']);
    expect(click(OFF, 'Open inbox')).toEqual(['openInbox']);
    expect(click(OFF, 'Quit Lull')).toEqual(['quit']);
  });
});

describe('loadTrayIcons', () => {
  beforeEach(() => resetElectronFake());

  it('uses template images on macOS and coloured ones elsewhere', () => {
    loadTrayIcons('/res', 'darwin', silentLogger);
    loadTrayIcons('/res', 'linux', silentLogger);
    expect(nativeImage.created).toEqual([
      path.join('/res', 'tray-focus-onTemplate.png'),
      path.join('/res', 'tray-focus-offTemplate.png'),
      path.join('/res', 'tray-focus-on.png'),
      path.join('/res', 'tray-focus-off.png'),
    ]);
  });

  it('finds every tray image in resources/, and warns when one is missing', () => {
    const resources = path.resolve(__dirname, '../../../resources');
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (message: string) => warnings.push(message) };
    for (const platform of ['darwin', 'win32', 'linux'] as const) loadTrayIcons(resources, platform, logger);
    expect(warnings).toEqual([]);
    loadTrayIcons('/nowhere', 'linux', logger);
    expect(warnings).toHaveLength(2);
  });
});

describe('the tray, on a real core', () => {
  let core: Core;
  let dispose: () => Promise<void>;
  let clock = createFakeClock(T0);
  const icons = {
    focusOn: nativeImage.createFromPath('/on.png'),
    focusOff: nativeImage.createFromPath('/off.png'),
  };
  const opened: string[] = [];
  let quits = 0;

  beforeEach(async () => {
    resetElectronFake();
    clock = createFakeClock(T0);
    ({ core, dispose } = await createTestCore({ clock }));
    opened.length = 0;
    quits = 0;
  });
  afterEach(() => dispose());

  function startTray() {
    const handle = createTray({
      focus: core.focus,
      icons: icons as unknown as TrayIcons,
      now: () => clock.now(),
      zone: () => 'UTC',
      openInbox: () => opened.push('inbox'),
      quit: () => quits++,
      logger: silentLogger,
    });
    const tray = FakeTray.instances.at(-1);
    if (!tray) throw new Error('no tray was created');
    return { tray, handle };
  }

  it('starts showing focus off', () => {
    const { tray } = startTray();
    expect(tray.image).toBe(icons.focusOff);
    expect(tray.tooltip).toBe('Lull · Focus off');
    expect(tray.menu.labels[0]).toBe('Focus off');
  });

  it('toggles focus on a click, and the icon, tooltip and menu follow', async () => {
    const { tray } = startTray();
    tray.click();
    await vi.waitFor(() => expect(core.focus.status().active).toBe(true));
    expect(tray.image).toBe(icons.focusOn);
    expect(tray.tooltip).toBe('Lull · Focus on');
    expect(tray.menu.labels.slice(0, 2)).toEqual(['Focus on', 'Turn focus off']);

    tray.click();
    await vi.waitFor(() => expect(core.focus.status().active).toBe(false));
    expect(tray.image).toBe(icons.focusOff);
    expect(tray.menu.labels.slice(0, 2)).toEqual(['Focus off', 'Turn focus on']);
  });

  it('runs timed focus from the menu and turns it off when the time is up', async () => {
    const { tray } = startTray();
    tray.menu.click('Focus for 25 minutes');
    await vi.waitFor(() => expect(core.focus.status().until).toBe(T0 + 25 * 60_000));
    expect(tray.menu.labels[0]).toBe('Focus on · until 09:25');

    tray.menu.click('Focus for 1 hour');
    await vi.waitFor(() => expect(core.focus.status().until).toBe(T0 + 60 * 60_000));
    expect(tray.menu.labels[0]).toBe('Focus on · until 10:00');

    clock.advance(60 * 60_000);
    expect(core.focus.status().active).toBe(false);
    expect(tray.image).toBe(icons.focusOff);
    expect(tray.menu.labels[0]).toBe('Focus off');
  });

  it('turns focus on and off from the menu, opens the inbox and quits', async () => {
    const { tray } = startTray();
    tray.menu.click('Turn focus on');
    await vi.waitFor(() => expect(core.focus.status()).toMatchObject({ active: true, until: null }));
    tray.menu.click('Turn focus off');
    await vi.waitFor(() => expect(core.focus.status().active).toBe(false));
    tray.menu.click('Open inbox');
    expect(opened).toEqual(['inbox']);
    tray.menu.click('Quit Lull');
    expect(quits).toBe(1);
    expect(() => tray.menu.click('Focus off')).toThrow(/disabled/);
  });

  it('stops following the core and removes the icon when disposed', async () => {
    const { tray, handle } = startTray();
    handle.dispose();
    expect(tray.isDestroyed()).toBe(true);
    await core.focus.set({ active: true });
    expect(tray.image).toBe(icons.focusOff);
  });
});
