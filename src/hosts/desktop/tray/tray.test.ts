import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeTray, nativeImage, resetElectronFake } from '../../../../test/fakes/electron';
import { createFakeClock } from '../../../../test/helpers/fake-clock';
import { deepWorkUtc } from '../../../../test/helpers/focus-rules';
import { createTestCore } from '../../../../test/helpers/test-core';
import type { Core } from '../../../core/create-core';
import { silentLogger } from '../../../core/ports';
import type { EventPayload } from '../../../shared/contract';
import type { FocusRule } from '../../../shared/focus-schedule';
import { updateInputSchema } from '../../../shared/schemas';
import { createTray, loadTrayIcons, type TrayIcons } from './tray';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.UTC(2025, 2, 4, 9, 0); // Tuesday 4 March 2025, 09:00 UTC (vitest pins TZ=UTC)

const deepWork = deepWorkUtc;

describe('loadTrayIcons', () => {
  beforeEach(() => resetElectronFake());

  it('uses template images on macOS, ICO on Windows and coloured PNGs on Linux', () => {
    loadTrayIcons('/res', 'darwin', silentLogger);
    loadTrayIcons('/res', 'win32', silentLogger);
    loadTrayIcons('/res', 'linux', silentLogger);
    expect(nativeImage.created).toEqual([
      path.join('/res', 'tray-focus-onTemplate.png'),
      path.join('/res', 'tray-focus-offTemplate.png'),
      path.join('/res', 'tray-focus-on.ico'),
      path.join('/res', 'tray-focus-off.ico'),
      path.join('/res', 'tray-focus-on.png'),
      path.join('/res', 'tray-focus-off.png'),
    ]);
  });

  it('finds every tray image in resources/, and warns when one is missing', () => {
    const resources = path.resolve(__dirname, '../../../../resources');
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
  const calls: string[] = [];

  beforeEach(async () => {
    resetElectronFake();
    clock = createFakeClock(T0);
    ({ core, dispose } = await createTestCore({ clock }));
    calls.length = 0;
  });
  afterEach(() => dispose());

  function startTray(platform: NodeJS.Platform = 'linux') {
    const handle = createTray({
      core,
      icons: icons as unknown as TrayIcons,
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
    return { tray, handle };
  }

  const saveRules = (rules: FocusRule[]) => core.handlers['focus:save-rules']({ rules });
  const settle = (check: () => void) => vi.waitFor(check);

  it('starts off, with the off icon, tooltip and menu', () => {
    const { tray } = startTray();
    expect(tray.image).toBe(icons.focusOff);
    expect(tray.tooltip).toBe('Focus off');
    expect(tray.menu.labels[0]).toBe('Focus off');
    expect(tray.menu.item('Until this block ends').enabled).toBe(false);
    expect(() => tray.menu.click('Until this block ends')).toThrow(/disabled/);
    expect(() => tray.menu.click('Focus off')).toThrow(/disabled/);
  });

  it('rebuilds the menu when rules are saved, and shows the next block', async () => {
    const { tray } = startTray();
    await saveRules([deepWork]);
    expect(tray.menu.labels[0]).toBe('Focus off · next block 10:00 (Deep work)');
    expect(tray.tooltip).toBe('Focus off · next block 10:00');
  });

  it('toggles focus on a click, and the icon, tooltip and menu follow', async () => {
    const { tray } = startTray();
    tray.click();
    await settle(() => expect(core.focus.status().active).toBe(true));
    expect(tray.image).toBe(icons.focusOn);
    expect(tray.tooltip).toBe('Focus on');
    expect(tray.menu.labels[0]).toBe('Focus on');
    expect(tray.menu.labels).toContain('Turn focus off');

    tray.click();
    await settle(() => expect(core.focus.status().active).toBe(false));
    expect(tray.image).toBe(icons.focusOff);
    expect(tray.menu.labels[0]).toBe('Focus off');
    expect(tray.menu.labels).toContain('Turn focus on');
  });

  it('runs timed focus from the menu and turns it off when the time is up', async () => {
    const { tray } = startTray();
    tray.menu.click('Focus for 25 minutes');
    await settle(() => expect(core.focus.status().until).toBe(T0 + 25 * MIN));
    expect(tray.menu.labels[0]).toBe('Focus on · until 09:25');
    expect(tray.tooltip).toBe('Focus until 09:25');
    expect(tray.image).toBe(icons.focusOn);

    tray.menu.click('Focus for 2 hours');
    await settle(() => expect(core.focus.status().until).toBe(T0 + 2 * HOUR));
    expect(tray.menu.labels[0]).toBe('Focus on · until 11:00');

    clock.advance(2 * HOUR);
    expect(core.focus.status().active).toBe(false);
    expect(tray.image).toBe(icons.focusOff);
    expect(tray.menu.labels[0]).toBe('Focus off');
  });

  it('focuses until tomorrow at the working start the label names', async () => {
    const { tray } = startTray();
    tray.menu.click('Until tomorrow 09:00');
    await settle(() => expect(core.focus.status().until).toBe(T0 + 24 * HOUR));
    expect(tray.menu.labels[0]).toBe('Focus on · until Wed 09:00');
    expect(tray.tooltip).toBe('Focus until Wed 09:00');
  });

  it('follows a scheduled block: on, skipped, resumed, turned off', async () => {
    const { tray } = startTray();
    await saveRules([deepWork]);
    clock.advance(HOUR + 15 * MIN); // 10:15, inside Deep work
    expect(core.focus.status()).toMatchObject({ active: true, cause: 'schedule' });
    expect(tray.image).toBe(icons.focusOn);
    expect(tray.menu.labels[0]).toBe('Focus on · Deep work until 11:00');
    expect(tray.menu.labels).toContain('Skip this block');

    tray.menu.click('Skip this block');
    await settle(() => expect(core.focus.status().skipping).toBe(true));
    expect(tray.image).toBe(icons.focusOff);
    expect(tray.menu.labels[0]).toBe('Skipping Deep work until 11:00');
    expect(tray.tooltip).toBe('Skipping Deep work until 11:00');

    tray.menu.click('Resume Deep work');
    await settle(() => expect(core.focus.status()).toMatchObject({ active: true, cause: 'manual' }));
    expect(core.focus.status().until).toBe(T0 + 2 * HOUR);
    expect(tray.menu.labels[0]).toBe('Focus on · until 11:00');

    tray.menu.click('Turn focus off');
    await settle(() => expect(core.focus.status().skipping).toBe(true));
    tray.menu.click('Turn focus on');
    await settle(() => expect(core.focus.status()).toMatchObject({ active: true, until: null }));
    expect(tray.menu.labels[0]).toBe('Focus on');

    tray.menu.click('Until this block ends');
    await settle(() => expect(core.focus.status().until).toBe(T0 + 2 * HOUR));
    clock.advance(45 * MIN);
    expect(core.focus.status().active).toBe(false);
    expect(tray.menu.labels[0]).toBe('Focus off · next block Wed 10:00 (Deep work)');
  });

  it('turns focus on until turned off, and off, from the menu; opens the inbox and settings; quits', async () => {
    const { tray } = startTray();
    tray.menu.click('Turn focus on');
    await settle(() => expect(core.focus.status()).toMatchObject({ active: true, until: null }));
    tray.menu.click('Turn focus off');
    await settle(() => expect(core.focus.status().active).toBe(false));
    tray.menu.click('Open inbox');
    tray.menu.click('Focus settings…');
    tray.menu.click('Quit Lull');
    expect(calls).toEqual(['inbox', 'focus settings', 'quit']);
  });

  it('shows times in the zone from the settings', async () => {
    const { tray } = startTray();
    await core.focus.set({ active: true, minutes: 120 });
    expect(tray.menu.labels[0]).toBe('Focus on · until 11:00');
    await core.settings.update({ timeZone: 'Europe/Berlin' });
    expect(tray.menu.labels[0]).toBe('Focus on · until 12:00');
  });

  it('sets the macOS title while focus runs, and clears it when off', async () => {
    const { tray } = startTray('darwin');
    expect(tray.title).toBe('');
    await core.focus.set({ active: true, minutes: 25 });
    expect(tray.title).toBe('Focus until 09:25');
    await core.focus.set({ active: false });
    expect(tray.title).toBe('');
    expect(startTray('linux').tray.title).toBe('');
  });

  const update = (externalId: string) =>
    updateInputSchema.parse({ source: 'chat', externalId, channel: 'email', title: `Update ${externalId}` });

  it('counts what focus holds and says when it comes; "Show held updates now" releases it', async () => {
    const { tray } = startTray('darwin');
    const released: EventPayload<'digest:released'>[] = [];
    core.events.on('digest:released', (digest) => released.push(digest));
    expect(tray.menu.item('Show held updates now').enabled).toBe(false);
    expect(tray.menu.item('Peek at held updates (0)').enabled).toBe(false);

    await core.focus.set({ active: true, minutes: 25 });
    await core.ingest.ingest([update('a'), update('b')]);
    expect(tray.tooltip).toBe('Focus until 09:25 · 2 held · next summary 09:25');
    expect(tray.title).toBe('Focus until 09:25 · 2 held');
    expect(tray.menu.labels.slice(0, 2)).toEqual(['Focus on · until 09:25', '2 held · next summary 09:25']);
    tray.menu.click('Peek at held updates (2)');
    expect(calls).toEqual(['peek']);
    expect(core.batcher.status().heldCount).toBe(2);

    tray.menu.click('Show held updates now');
    await settle(() => expect(released).toHaveLength(1));
    expect(released[0]).toMatchObject({ cause: 'manual', items: [{ id: 'chat/a' }, { id: 'chat/b' }] });
    const events = core.journal.entries().flatMap((e) => (e.kind === 'event' ? [e.event] : []));
    expect(events).toContainEqual(expect.objectContaining({ type: 'digest-released', id: released[0]?.id }));
    await settle(() => expect(tray.tooltip).toBe('Focus until 09:25'));
    expect(tray.menu.item('Show held updates now').enabled).toBe(false);
    expect(core.focus.status().active).toBe(true);
  });

  it('follows the next summary when the settings move it', async () => {
    const { tray } = startTray();
    await core.ingest.ingest([update('a')]); // focus off: held for the 10:00 summary
    expect(tray.tooltip).toBe('Focus off · 1 held · next summary 10:00');
    const delivery = core.settings.get().delivery;
    await core.settings.update({ delivery: { ...delivery, summaryTimes: ['15:30'] } });
    expect(tray.tooltip).toBe('Focus off · 1 held · next summary 15:30');
  });

  it('redraws across midnight without an event, and not at all while nothing changes', async () => {
    clock.set(Date.UTC(2025, 2, 4, 23, 0));
    const { tray } = startTray();
    await core.focus.set({ active: true, until: Date.UTC(2025, 2, 5, 9, 0) });
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
    const { tray, handle } = startTray();
    const timers = clock.pendingTimers().length;
    handle.dispose();
    expect(tray.isDestroyed()).toBe(true);
    expect(clock.pendingTimers()).toHaveLength(timers - 1);
    await core.focus.set({ active: true });
    expect(tray.image).toBe(icons.focusOff);
  });
});
