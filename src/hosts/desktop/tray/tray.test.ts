import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FakeNativeImages, FakeTray, Menu } from '../../../../test/fakes/electron';
import {
  focusStatus,
  heldCount,
  ingestUpdates,
  saveSummaryTimes,
  saveTimeZone,
} from '../../../../test/helpers/core-commands';
import { createFakeClock } from '../../../../test/helpers/fake-clock';
import { deepWorkUtc as deepWork } from '../../../../test/helpers/focus-rules';
import { startTestCore } from '../../../../test/helpers/test-core';
import { silentLogger } from '../../../core/ports';
import type { EventPayload } from '../../../shared/contract';
import type { FocusRule } from '../../../shared/focus-schedule';
import { mirrorCore } from '../core-mirror';
import { createTray, loadTrayIcons } from './tray';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2025, 2, 4, 9, 0); // Tuesday 4 March 2025, 09:00 UTC (vitest pins TZ=UTC)

describe('loadTrayIcons', () => {
  it('uses template images on macOS, ICO on Windows and coloured PNGs on Linux', () => {
    const images = new FakeNativeImages();
    for (const platform of ['darwin', 'win32', 'linux'] as const)
      loadTrayIcons(images, '/res', platform, silentLogger);
    expect(images.created).toEqual(
      [
        'tray-focus-onTemplate.png',
        'tray-focus-offTemplate.png',
        'tray-focus-on.ico',
        'tray-focus-off.ico',
        'tray-focus-on.png',
        'tray-focus-off.png',
      ].map((file) => path.join('/res', file)),
    );
  });

  it('finds every tray image in resources/, and warns when one is missing', () => {
    const resources = path.resolve(__dirname, '../../../../resources');
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (message: string) => warnings.push(message) };
    const images = new FakeNativeImages();
    for (const platform of ['darwin', 'win32', 'linux'] as const)
      loadTrayIcons(images, resources, platform, logger);
    expect(warnings).toEqual([]);
    loadTrayIcons(images, '/nowhere', 'linux', logger);
    expect(warnings).toHaveLength(2);
  });
});

describe('the tray, on a real core', () => {
  const images = new FakeNativeImages();
  const icons = { focusOn: images.createFromPath('/on.png'), focusOff: images.createFromPath('/off.png') };

  /** A started core, its mirror and the tray on it, as main.ts wires them. */
  async function startTray(platform: NodeJS.Platform = 'linux', start = T0) {
    const clock = createFakeClock(start);
    const core = await startTestCore({ clock });
    const mirror = await mirrorCore(core, silentLogger);
    const calls: string[] = [];
    const handle = createTray({
      electron: { Tray: FakeTray, Menu },
      core,
      mirror,
      icons,
      clock,
      platform,
      openInbox: () => calls.push('inbox'),
      openFocusSettings: () => calls.push('focus settings'),
      peekHeld: () => calls.push('peek'),
      quit: () => calls.push('quit'),
      logger: silentLogger,
    });
    const tray = FakeTray.instances.at(-1);
    if (!tray) throw new Error('no tray was created');
    return { core, clock, tray, handle, calls };
  }

  const settle = (check: () => void) => vi.waitFor(check);
  type Started = Awaited<ReturnType<typeof startTray>>;
  const saveRules = ({ core }: Started, rules: FocusRule[]) =>
    core.invoke('settings:save-focus-rules', { rules });

  it('starts off, with the off icon, tooltip and menu', async () => {
    const { tray } = await startTray();
    expect(tray.image).toBe(icons.focusOff);
    expect(tray.tooltip).toBe('Focus off');
    expect(tray.menu.labels[0]).toBe('Focus off');
    expect(tray.menu.item('Until this block ends').enabled).toBe(false);
    expect(() => tray.menu.click('Until this block ends')).toThrow(/disabled/);
    expect(() => tray.menu.click('Focus off')).toThrow(/disabled/);
  });

  it('rebuilds the menu when rules are saved, and shows the next block', async () => {
    const started = await startTray();
    await saveRules(started, [deepWork]);
    await settle(() => expect(started.tray.menu.labels[0]).toBe('Focus off · next block 10:00 (Deep work)'));
    expect(started.tray.tooltip).toBe('Focus off · next block 10:00');
  });

  it('toggles focus on a click, and the icon, tooltip and menu follow', async () => {
    const { core, tray } = await startTray();
    tray.click();
    await settle(() => expect(tray.image).toBe(icons.focusOn));
    expect((await focusStatus(core)).active).toBe(true);
    expect(tray.tooltip).toBe('Focus on');
    expect(tray.menu.labels[0]).toBe('Focus on');
    expect(tray.menu.labels).toContain('Turn focus off');

    tray.click();
    await settle(() => expect(tray.image).toBe(icons.focusOff));
    expect((await focusStatus(core)).active).toBe(false);
    expect(tray.menu.labels[0]).toBe('Focus off');
    expect(tray.menu.labels).toContain('Turn focus on');
  });

  it('runs timed focus from the menu and turns it off when the time is up', async () => {
    const { core, clock, tray } = await startTray();
    tray.menu.click('Focus for 25 minutes');
    await settle(() => expect(tray.menu.labels[0]).toBe('Focus on · until 09:25'));
    expect((await focusStatus(core)).until).toBe(T0 + 25 * MIN);
    expect(tray.tooltip).toBe('Focus until 09:25');
    expect(tray.image).toBe(icons.focusOn);

    tray.menu.click('Focus for 2 hours');
    await settle(() => expect(tray.menu.labels[0]).toBe('Focus on · until 11:00'));

    clock.advance(2 * HOUR);
    expect(tray.image).toBe(icons.focusOff);
    expect(tray.menu.labels[0]).toBe('Focus off');
    expect((await focusStatus(core)).active).toBe(false);
  });

  it('focuses until the working start the "until tomorrow" item names, over a weekend too', async () => {
    const { core, tray } = await startTray();
    tray.menu.click('Until tomorrow 09:00');
    await settle(() => expect(tray.menu.labels[0]).toBe('Focus on · until Wed 09:00'));
    expect((await focusStatus(core)).until).toBe(T0 + 24 * HOUR);
    expect(tray.tooltip).toBe('Focus until Wed 09:00');

    const friday = await startTray('linux', Date.UTC(2025, 2, 7, 17, 0));
    friday.tray.menu.click('Until Mon 09:00');
    await settle(() => expect(friday.tray.menu.labels[0]).toBe('Focus on · until Mon 09:00'));
    expect((await focusStatus(friday.core)).until).toBe(Date.UTC(2025, 2, 10, 9, 0));
  });

  it('follows a scheduled block: on, skipped, resumed, turned off', async () => {
    const started = await startTray();
    const { core, clock, tray } = started;
    await saveRules(started, [deepWork]);
    clock.advance(HOUR + 15 * MIN); // 10:15, inside Deep work
    await settle(() => expect(tray.menu.labels[0]).toBe('Focus on · Deep work until 11:00'));
    expect(tray.image).toBe(icons.focusOn);
    expect(tray.menu.labels).toContain('Skip this block');

    tray.menu.click('Skip this block');
    await settle(() => expect(tray.menu.labels[0]).toBe('Skipping Deep work until 11:00'));
    expect((await focusStatus(core)).skipping).toBe(true);
    expect(tray.image).toBe(icons.focusOff);
    expect(tray.tooltip).toBe('Skipping Deep work until 11:00');

    tray.menu.click('Resume Deep work');
    await settle(() => expect(tray.menu.labels[0]).toBe('Focus on · until 11:00'));
    expect(await focusStatus(core)).toMatchObject({ active: true, cause: 'manual', until: T0 + 2 * HOUR });

    tray.menu.click('Turn focus off');
    await settle(() => expect(tray.menu.labels[0]).toBe('Skipping Deep work until 11:00'));
    tray.menu.click('Turn focus on');
    await settle(() => expect(tray.menu.labels[0]).toBe('Focus on'));
    expect(await focusStatus(core)).toMatchObject({ active: true, until: null });

    tray.menu.click('Until this block ends');
    await settle(() => expect(tray.menu.labels[0]).toBe('Focus on · until 11:00'));
    clock.advance(45 * MIN);
    expect(tray.menu.labels[0]).toBe('Focus off · next block Wed 10:00 (Deep work)');
  });

  it('turns focus on until turned off, and off, from the menu; opens the inbox and settings; quits', async () => {
    const { tray, calls } = await startTray();
    tray.menu.click('Turn focus on');
    await settle(() => expect(tray.menu.labels[0]).toBe('Focus on'));
    tray.menu.click('Turn focus off');
    await settle(() => expect(tray.menu.labels[0]).toBe('Focus off'));
    tray.menu.click('Open inbox');
    tray.menu.click('Focus settings…');
    tray.menu.click('Quit Lull');
    expect(calls).toEqual(['inbox', 'focus settings', 'quit']);
  });

  it('shows times in the zone from the settings', async () => {
    const { core, tray } = await startTray();
    await core.invoke('focus:set', { active: true, minutes: 120 });
    expect(tray.menu.labels[0]).toBe('Focus on · until 11:00');
    await saveTimeZone(core, 'Europe/Berlin');
    await settle(() => expect(tray.menu.labels[0]).toBe('Focus on · until 12:00'));
  });

  it('sets the macOS title while focus runs, and clears it when off', async () => {
    const { core, tray } = await startTray('darwin');
    expect(tray.title).toBe('');
    await core.invoke('focus:set', { active: true, minutes: 25 });
    expect(tray.title).toBe('Focus until 09:25');
    await core.invoke('focus:set', { active: false });
    expect(tray.title).toBe('');
    expect((await startTray('linux')).tray.title).toBe('');
  });

  it('counts what focus holds and says when it comes; "Show held updates now" releases it', async () => {
    const { core, tray, calls } = await startTray('darwin');
    const released: EventPayload<'digest:released'>[] = [];
    core.events.on('digest:released', (digest) => released.push(digest));
    expect(tray.menu.item('Show held updates now').enabled).toBe(false);
    expect(tray.menu.item('Peek at held updates (0)').enabled).toBe(false);

    await core.invoke('focus:set', { active: true, minutes: 25 });
    await ingestUpdates(core, 'a', 'b');
    expect(tray.tooltip).toBe('Focus until 09:25 · 2 held · next summary 09:25');
    expect(tray.title).toBe('Focus until 09:25 · 2 held');
    expect(tray.menu.labels.slice(0, 2)).toEqual(['Focus on · until 09:25', '2 held · next summary 09:25']);
    tray.menu.click('Peek at held updates (2)');
    expect(calls).toEqual(['peek']);
    expect(await heldCount(core)).toBe(2);

    tray.menu.click('Show held updates now');
    await settle(() => expect(tray.tooltip).toBe('Focus until 09:25'));
    expect(released).toHaveLength(1);
    expect(released[0]).toMatchObject({ cause: 'manual', items: [{ id: 'chat/a' }, { id: 'chat/b' }] });
    expect(tray.menu.item('Show held updates now').enabled).toBe(false);
    expect((await focusStatus(core)).active).toBe(true);
  });

  it('follows the next summary when the settings move it', async () => {
    const { core, tray } = await startTray();
    await ingestUpdates(core, 'a'); // focus off: held for the 10:00 summary
    expect(tray.tooltip).toBe('Focus off · 1 held · next summary 10:00');
    await saveSummaryTimes(core, ['15:30']);
    await settle(() => expect(tray.tooltip).toBe('Focus off · 1 held · next summary 15:30'));
  });

  it('redraws across midnight without an event, and not at all while nothing changes', async () => {
    const { core, clock, tray } = await startTray('linux', Date.UTC(2025, 2, 4, 23, 0));
    await core.invoke('focus:set', { active: true, until: Date.UTC(2025, 2, 5, 9, 0) });
    expect(tray.menu.labels[0]).toBe('Focus on · until Wed 09:00');
    const setMenu = vi.spyOn(tray, 'setContextMenu');
    clock.advance(30 * MIN);
    expect(setMenu).not.toHaveBeenCalled();
    clock.advance(31 * MIN); // 00:01 Wednesday
    expect(tray.menu.labels[0]).toBe('Focus on · until 09:00');
    expect(tray.menu.labels).toContain('Until tomorrow 09:00');
    expect(setMenu).toHaveBeenCalledTimes(1);
  });

  it('stops following the core and removes the icon when disposed', async () => {
    const { core, clock, tray, handle } = await startTray();
    const timers = clock.pendingTimers().length;
    handle.dispose();
    expect(tray.isDestroyed()).toBe(true);
    expect(clock.pendingTimers()).toHaveLength(timers - 1);
    await core.invoke('focus:set', { active: true });
    expect(tray.image).toBe(icons.focusOff);
  });
});
