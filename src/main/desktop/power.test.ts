import type { PowerMonitor } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { powerMonitor, resetElectronFake } from '../../../test/fakes/electron';
import { createFakeClock } from '../../../test/helpers/fake-clock';
import { createTestCore } from '../../../test/helpers/test-core';
import type { Core } from '../core';
import { watchPowerEvents } from './power';

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
