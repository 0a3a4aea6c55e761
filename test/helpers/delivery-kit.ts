import { vi } from 'vitest';
import { silentLogger } from '../../src/core/ports';
import type { EventPayload } from '../../src/shared/contract';
import type { DeliveryPolicy } from '../../src/shared/delivery';
import { updateInputSchema } from '../../src/shared/schemas';
import { createFakeClock, type FakeClock } from './fake-clock';
import { tempDir } from './temp-dir';
import { createFileSecretStore, openTestCore, type TestCore } from './test-core';

/** Wednesday 18 November 2026, 09:30 in Berlin (08:30 UTC); summaries at 10:00, 13:00, 16:00. */
export const WED_0930 = Date.UTC(2026, 10, 18, 8, 30);
/** `HH:mm` on that Wednesday in Berlin, as an instant. */
export const wed = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return Date.UTC(2026, 10, 18, h - 1, m);
};

export const update = (externalId: string, extra: Record<string, unknown> = {}) =>
  updateInputSchema.parse({
    source: 'chat',
    externalId,
    channel: 'email',
    title: `Update ${externalId}`,
    ...extra,
  });

/** One way an item reached the user: on its own (arrival, break-through) or in a summary. */
export interface Delivery {
  id: string;
  at: number;
  how: 'notify' | 'digest';
  text?: string;
}

export interface DeliveryKit {
  core: TestCore;
  clock: FakeClock;
  dataDir: string;
  deliveries: Delivery[];
  reminders: EventPayload<'inbox:at-risk'>[];
  /** Every delivery of one item. */
  of(id: string): Delivery[];
  /** Lets `ms` pass timer by timer, waiting for each wake's writes before the clock moves on. */
  advance(ms: number): Promise<void>;
  /** Waits for the writes in flight (releases, re-checks, reminders). */
  settle(): Promise<void>;
  /**
   * Waits, without moving the clock, until `check` passes: for work the kit cannot await (a snooze
   * waking writes files first). Timers due now still fire.
   */
  waitUntil(check: () => void): Promise<void>;
  close(): Promise<void>;
}

/** A started core on a fake clock in Berlin that records every delivery with the instant it happened. */
export async function startDeliveryKit(
  options: { at?: number; delivery?: Partial<DeliveryPolicy>; clock?: FakeClock; dataDir?: string } = {},
): Promise<DeliveryKit> {
  const clock = options.clock ?? createFakeClock(options.at ?? WED_0930);
  const dataDir = options.dataDir ?? (await tempDir());
  // Listening before the start: what a start recovers is announced then.
  const core = await openTestCore({
    dataDir,
    clock,
    logger: silentLogger,
    secrets: createFileSecretStore(dataDir),
    version: '0.0.0-test',
    host: 'browser',
  });
  const deliveries: Delivery[] = [];
  const reminders: EventPayload<'inbox:at-risk'>[] = [];
  core.events.on('inbox:notify', ({ item, decision }) =>
    deliveries.push({ id: item.id, at: clock.now(), how: 'notify', text: decision.text }),
  );
  core.events.on('digest:released', (digest) => {
    for (const item of digest.items) deliveries.push({ id: item.id, at: digest.at, how: 'digest' });
  });
  core.events.on('inbox:at-risk', (reminder) => reminders.push(reminder));
  await core.settings.update({ timeZone: 'Europe/Berlin' });
  if (options.delivery)
    await core.settings.update({ delivery: { ...core.settings.get().delivery, ...options.delivery } });
  await core.start();

  async function settle(): Promise<void> {
    // Twice: a re-check queued by a focus change lands a microtask after the change.
    for (let round = 0; round < 2; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      await core.delivery.settled();
      await core.atRisk.settled();
    }
  }

  return {
    core,
    clock,
    dataDir,
    deliveries,
    reminders,
    of: (id) => deliveries.filter((d) => d.id === id),
    async advance(ms) {
      let left = ms;
      for (let idle = 0; left > 0; ) {
        const next = clock.pendingTimers()[0]?.remainingMs ?? left;
        const step = Math.max(0, Math.min(left, next));
        idle = step === 0 ? idle + 1 : 0;
        if (idle > 1000) throw new Error('delivery kit: timers keep re-arming at 0 ms');
        clock.advance(step);
        left -= step;
        await settle();
      }
      await settle();
    },
    settle,
    waitUntil: (check) =>
      vi.waitFor(
        async () => {
          clock.advance(0);
          await settle();
          check();
        },
        { timeout: 5_000, interval: 5 },
      ),
    close: () => core.close(),
  };
}
