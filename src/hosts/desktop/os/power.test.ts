import type { PowerMonitor } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeTray, nativeImage, powerMonitor, resetElectronFake } from '../../../../test/fakes/electron';
import { createFakeClock } from '../../../../test/helpers/fake-clock';
import { tempDir } from '../../../../test/helpers/temp-dir';
import { createTestCore } from '../../../../test/helpers/test-core';
import { type Core, createCore } from '../../../core/create-core';
import { silentLogger } from '../../../core/ports';
import { createFileSecretStore } from '../../common/file-secret-store';
import { createTray, type TrayIcons } from '../tray/tray';
import { watchPowerEvents, watchTimeZone, ZONE_POLL_MS } from './power';

const T0 = Date.UTC(2025, 2, 4, 9, 0);

describe('power events', () => {
  let core: Core;
  let dispose: () => Promise<void>;
  let clock = createFakeClock(T0);

  beforeEach(async () => {
    resetElectronFake();
    clock = createFakeClock(T0);
    ({ core, dispose } = await createTestCore({ clock }));
  });
  afterEach(() => dispose());

  it('ends a timed focus that expired while the machine slept, on resume', async () => {
    watchPowerEvents(powerMonitor as unknown as PowerMonitor, () => core.focus.recompute());
    await core.focus.set({ active: true, minutes: 25 });
    // Asleep: the wall clock moves on, timers do not fire.
    clock.set(T0 + 3 * 3_600_000);
    expect(core.focus.status().active).toBe(true);
    powerMonitor.emit('resume');
    expect(core.focus.status().active).toBe(false);
  });

  it('starts a scheduled block that began while the machine slept, on resume', async () => {
    watchPowerEvents(powerMonitor as unknown as PowerMonitor, () => core.focus.recompute());
    await core.handlers['focus:save-rules']({
      rules: [
        {
          id: 'deep',
          name: 'Deep work',
          kind: 'window',
          weekdays: [2],
          start: '10:00',
          end: '11:00',
          zone: 'UTC',
          enabled: true,
        },
      ],
    });
    clock.set(T0 + 90 * 60_000);
    expect(core.focus.status().active).toBe(false);
    powerMonitor.emit('resume');
    expect(core.focus.status()).toMatchObject({ active: true, cause: 'schedule', ruleName: 'Deep work' });
  });

  it('recomputes on unlock too, and stops listening when disposed', async () => {
    const stop = watchPowerEvents(powerMonitor as unknown as PowerMonitor, () => core.focus.recompute());
    await core.focus.set({ active: true, minutes: 25 });
    clock.set(T0 + 30 * 60_000);
    powerMonitor.emit('unlock-screen');
    expect(core.focus.status().active).toBe(false);

    stop();
    expect(powerMonitor.listenerCount('resume') + powerMonitor.listenerCount('unlock-screen')).toBe(0);
  });
});

describe('time-zone changes', () => {
  beforeEach(() => resetElectronFake());

  it('reads the zone every minute and reports a change once', () => {
    const clock = createFakeClock(T0);
    let zone = 'Europe/London';
    const changes: string[] = [];
    const watch = watchTimeZone({
      clock,
      readZone: () => zone,
      onChange: (next, previous) => changes.push(`${previous} -> ${next}`),
    });
    clock.advance(5 * ZONE_POLL_MS);
    expect(changes).toEqual([]);
    zone = 'America/New_York';
    clock.advance(ZONE_POLL_MS - 1);
    expect(changes).toEqual([]);
    clock.advance(1);
    expect(changes).toEqual(['Europe/London -> America/New_York']);
    clock.advance(10 * ZONE_POLL_MS);
    expect(changes).toHaveLength(1);

    zone = 'Asia/Tokyo';
    watch.check(); // on wake, without waiting for the poll
    expect(changes).toEqual(['Europe/London -> America/New_York', 'America/New_York -> Asia/Tokyo']);
    watch.stop();
    expect(clock.pendingTimers()).toEqual([]);
  });

  it('moves the tray to the new zone and recomputes focus at once', async () => {
    const clock = createFakeClock(T0);
    let zone = 'UTC';
    const core = await createCore({
      dataDir: await tempDir(),
      clock,
      logger: silentLogger,
      secrets: createFileSecretStore(await tempDir()),
      version: '0.0.0-test',
      host: 'desktop',
      systemZone: () => zone,
    });
    try {
      const icons = {
        focusOn: nativeImage.createFromPath('/on'),
        focusOff: nativeImage.createFromPath('/off'),
      };
      const tray = createTray({
        core,
        icons: icons as unknown as TrayIcons,
        clock,
        platform: 'linux',
        openInbox() {},
        openFocusSettings() {},
        peekHeld() {},
        quit() {},
        logger: silentLogger,
      });
      let recomputes = 0;
      watchTimeZone({
        clock,
        readZone: () => zone,
        onChange: () => {
          recomputes++;
          core.focus.recompute();
          tray.refresh();
        },
      });
      await core.focus.set({ active: true, minutes: 120 });
      const [fake] = FakeTray.instances;
      expect(fake?.menu.labels[0]).toBe('Focus on · until 11:00');
      zone = 'Asia/Tokyo';
      clock.advance(ZONE_POLL_MS);
      expect(recomputes).toBe(1);
      expect(fake?.menu.labels[0]).toBe('Focus on · until 20:00');
      tray.dispose();
    } finally {
      await core.close();
    }
  });
});
