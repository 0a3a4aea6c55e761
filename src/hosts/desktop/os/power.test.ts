import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { FakeEmitter, FakeNativeImages, FakeTray, Menu } from '../../../../test/fakes/electron';
import { createFakeClock } from '../../../../test/helpers/fake-clock';
import { deepWorkUtc } from '../../../../test/helpers/focus-rules';
import { tempDir } from '../../../../test/helpers/temp-dir';
import { createFileSecretStore, openTestCore, startTestCore } from '../../../../test/helpers/test-core';
import { silentLogger } from '../../../core/ports';
import { mirrorCore } from '../core-mirror';
import { createTray } from '../tray/tray';
import { watchClockChanges, watchPowerEvents, watchTimeZone, ZONE_POLL_MS } from './power';

const T0 = Date.UTC(2025, 2, 4, 9, 0);
const listening = (power: FakeEmitter) =>
  power.listenerCount('resume') + power.listenerCount('unlock-screen');

describe('power events', () => {
  /** A core, what the tray reads of it, and the wake-up wiring. */
  async function asleep() {
    const clock = createFakeClock(T0);
    const core = await startTestCore({ clock });
    const mirror = await mirrorCore(core, silentLogger);
    const powerMonitor = new FakeEmitter();
    const stop = watchPowerEvents(powerMonitor, () => core.recompute());
    return { core, clock, mirror, powerMonitor, stop };
  }

  it('ends a timed focus that expired while the machine slept, on resume', async () => {
    const { core, clock, mirror, powerMonitor } = await asleep();
    await core.invoke('focus:set', { active: true, minutes: 25 });
    clock.set(T0 + 3 * 3_600_000); // asleep: the wall clock moves on, timers do not fire
    expect(mirror.focus().active).toBe(true);
    powerMonitor.emit('resume');
    expect(mirror.focus().active).toBe(false);
  });

  it('starts a scheduled block that began while the machine slept, on resume', async () => {
    const { core, clock, mirror, powerMonitor } = await asleep();
    await core.invoke('settings:save-focus-rules', { rules: [deepWorkUtc] });
    clock.set(T0 + 90 * 60_000);
    expect(mirror.focus().active).toBe(false);
    powerMonitor.emit('resume');
    expect(mirror.focus()).toMatchObject({ active: true, cause: 'schedule', ruleName: 'Deep work' });
  });

  it('recomputes on unlock too, and stops listening when disposed', async () => {
    const { core, clock, mirror, powerMonitor, stop } = await asleep();
    await core.invoke('focus:set', { active: true, minutes: 25 });
    clock.set(T0 + 30 * 60_000);
    powerMonitor.emit('unlock-screen');
    expect(mirror.focus().active).toBe(false);

    stop();
    expect(listening(powerMonitor)).toBe(0);
  });
});

describe('time-zone changes', () => {
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
});

describe('clock changes, as the desktop wires them', () => {
  it('moves the tray to the new zone at once, on the poll or on waking in another zone', async () => {
    const clock = createFakeClock(T0);
    let zone = 'UTC';
    const core = await openTestCore({
      dataDir: await tempDir(),
      clock,
      logger: silentLogger,
      secrets: createFileSecretStore(await tempDir()),
      version: '0.0.0-test',
      host: 'desktop',
      systemZone: () => zone,
    });
    onTestFinished(() => core.close());
    await core.start();
    const mirror = await mirrorCore(core, silentLogger);
    const images = new FakeNativeImages();
    const tray = createTray({
      electron: { Tray: FakeTray, Menu },
      core,
      mirror,
      icons: { focusOn: images.createFromPath('/on'), focusOff: images.createFromPath('/off') },
      clock,
      platform: 'linux',
      openInbox() {},
      openFocusSettings() {},
      peekHeld() {},
      quit() {},
      logger: silentLogger,
    });
    const shown = () => FakeTray.instances.at(-1)?.menu.labels[0];
    const powerMonitor = new FakeEmitter();
    let recomputes = 0;
    const stop = watchClockChanges({
      powerMonitor,
      clock,
      readZone: () => zone,
      recompute: () => {
        recomputes++;
        core.recompute();
        void mirror.refresh();
      },
      logger: silentLogger,
    });
    await core.invoke('focus:set', { active: true, minutes: 120 });
    expect(shown()).toBe('Focus on · until 11:00');

    zone = 'Asia/Tokyo';
    clock.advance(ZONE_POLL_MS);
    expect(recomputes).toBe(1);
    await vi.waitFor(() => expect(shown()).toBe('Focus on · until 20:00'));

    zone = 'America/New_York';
    powerMonitor.emit('resume'); // woke up across the Pacific: the zone is read before the poll
    expect(recomputes).toBe(3);
    await vi.waitFor(() => expect(shown()).toBe('Focus on · until 06:00'));

    const timers = clock.pendingTimers().length;
    stop();
    expect(listening(powerMonitor)).toBe(0);
    expect(clock.pendingTimers()).toHaveLength(timers - 1); // the zone poll's
    tray.dispose();
  });
});
