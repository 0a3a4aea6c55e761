import { describe, expect, it, vi } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock';
import { tempDir } from '../../../test/helpers/temp-dir';
import { createTestCore } from '../../../test/helpers/test-core';
import { HOUR_MS, MINUTE_MS } from '../../shared/channels';
import { dispatchCommand, type EventPayload } from '../../shared/contract';
import { updateInputSchema } from '../../shared/schemas';

const T0 = Date.UTC(2026, 10, 18, 9, 30); // Wednesday, working hours (the test core's zone is UTC)
const update = (externalId: string) =>
  updateInputSchema.parse({
    source: 'chat',
    externalId,
    channel: 'chat',
    title: externalId,
    sender: { name: 'Ana' },
  });

async function start(dataDir?: string, clock: FakeClock = createFakeClock(T0)) {
  const { core } = await createTestCore({ clock, dataDir: dataDir ?? (await tempDir()) });
  await core.settings.update({ delivery: { ...core.settings.get().delivery, mode: 'instant' } });
  const notified: EventPayload<'inbox:notify'>[] = [];
  core.events.on('inbox:notify', (n) => notified.push(n));
  const wakes = () => core.journal.entries().flatMap((e) => (e.kind === 'wake' ? [e.id] : []));
  return { core, clock, notified, wakes };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('snooze wake-ups', () => {
  it('a snoozed item leaves the held queue, then wakes at its time as a new notification', async () => {
    const { core, clock, notified, wakes } = await start();
    await core.focus.set({ active: true, minutes: 30 });
    await core.ingest.ingest([update('a')]);
    expect(core.delivery.status().heldCount).toBe(1);
    await core.handlers['inbox:set-state']({
      ids: ['chat/a'],
      state: 'snoozed',
      snoozeUntil: T0 + 2 * HOUR_MS,
    });
    expect(core.delivery.status().heldCount).toBe(0);

    clock.advance(2 * HOUR_MS - MINUTE_MS);
    await settle();
    expect(wakes()).toEqual([]);
    clock.advance(MINUTE_MS);
    await vi.waitFor(() => expect(wakes()).toEqual(['chat/a']), { timeout: 5000 });
    // Focus ended long ago and delivery is instant: it is announced like a new arrival.
    await vi.waitFor(
      () => expect(notified.map((n) => [n.item.id, n.decision.reason])).toEqual([['chat/a', 'instant']]),
      {
        timeout: 5000,
      },
    );
    await core.close();
  });

  it('keeps wake-ups across a restart, and wakes what came due while the app was closed', async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir);
    await first.core.ingest.ingest([update('b')]);
    await first.core.handlers['inbox:set-state']({
      ids: ['chat/b'],
      state: 'snoozed',
      snoozeUntil: T0 + HOUR_MS,
    });
    await first.core.close();
    const second = await start(dataDir, createFakeClock(T0 + 3 * HOUR_MS));
    expect(second.wakes()).toEqual(['chat/b']);
    await second.core.close();
  });

  it('done or reopened before its time, a snoozed item does not wake', async () => {
    const { core, clock, wakes } = await start();
    await core.ingest.ingest([update('c'), update('d')]);
    await core.handlers['inbox:set-state']({
      ids: ['chat/c', 'chat/d'],
      state: 'snoozed',
      snoozeUntil: T0 + HOUR_MS,
    });
    await core.handlers['inbox:set-state']({ ids: ['chat/c'], state: 'done' });
    await core.handlers['inbox:set-state']({ ids: ['chat/d'], state: 'open' });
    clock.advance(2 * HOUR_MS);
    await settle();
    expect(wakes()).toEqual([]);
    await core.close();
  });

  it('refuses a snooze without a time, and a time without a snooze', async () => {
    const { core } = await start();
    const missing = await dispatchCommand(core.handlers, 'inbox:set-state', { ids: ['x'], state: 'snoozed' });
    const extra = await dispatchCommand(core.handlers, 'inbox:set-state', {
      ids: ['x'],
      state: 'done',
      snoozeUntil: T0,
    });
    expect([missing.ok, extra.ok]).toEqual([false, false]);
    expect(!missing.ok && missing.error.message).toContain('snoozeUntil');
    await core.close();
  });
});
