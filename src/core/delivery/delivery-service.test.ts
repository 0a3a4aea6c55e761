import { describe, expect, it, vi } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock';
import { tempDir } from '../../../test/helpers/temp-dir';
import { createTestCore } from '../../../test/helpers/test-core';
import { MINUTE_MS } from '../../shared/channels';
import type { EventPayload } from '../../shared/contract';
import type { DeliveryPolicy } from '../../shared/delivery';
import { updateInputSchema } from '../../shared/schemas';

// Wednesday 18 November 2026, 09:30 in Berlin (08:30 UTC); summaries at 10:00, 13:00, 16:00.
const WED_0930 = Date.UTC(2026, 10, 18, 8, 30);

const update = (externalId: string, extra: Record<string, unknown> = {}) =>
  updateInputSchema.parse({
    source: 'chat',
    externalId,
    channel: 'email',
    title: `Update ${externalId}`,
    ...extra,
  });

async function start(
  options: { at?: number; delivery?: Partial<DeliveryPolicy>; clock?: FakeClock; dataDir?: string } = {},
) {
  const clock = options.clock ?? createFakeClock(options.at ?? WED_0930);
  const dataDir = options.dataDir ?? (await tempDir());
  const { core } = await createTestCore({ clock, dataDir });
  await core.settings.update({ timeZone: 'Europe/Berlin' });
  if (options.delivery)
    await core.settings.update({ delivery: { ...core.settings.get().delivery, ...options.delivery } });
  const released: EventPayload<'digest:released'>[] = [];
  const notified: EventPayload<'inbox:notify'>[] = [];
  core.events.on('digest:released', (d) => released.push(d));
  core.events.on('inbox:notify', (n) => notified.push(n));
  const journalEvents = () => core.journal.entries().flatMap((e) => (e.kind === 'event' ? [e.event] : []));
  const storedItem = (id: string) =>
    core.journal.entries().findLast((e) => e.kind === 'item' && e.item.id === id);
  return { core, clock, dataDir, released, notified, journalEvents, storedItem };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const advance = async (clock: FakeClock, ms: number) => {
  clock.advance(ms);
  await settle();
};
const ids = (d: EventPayload<'digest:released'>) => d.items.map((i) => i.id);

describe('batching during focus', () => {
  it('holds a normal update, lets an urgent one through with its reason, and releases one catch-up digest at focus end', async () => {
    const { core, clock, released, notified, storedItem, journalEvents } = await start();
    await core.focus.set({ active: true, minutes: 60 });
    await core.ingest.ingest([
      update('normal'),
      update('urgent', { priority: 'urgent', title: 'Prod is down' }),
    ]);
    expect(notified.map((n) => [n.item.id, n.decision.text])).toEqual([
      ['chat/urgent', 'broke through: marked urgent'],
    ]);
    expect(core.delivery.status().items.map((i) => i.id)).toEqual(['chat/normal']);
    const held = storedItem('chat/normal');
    expect(held?.kind === 'item' && held.item.route?.text).toBe('held during focus until 10:30');

    await advance(clock, 60 * MINUTE_MS);
    expect(core.focus.status().active).toBe(false);
    await vi.waitFor(() => expect(released).toHaveLength(1), { timeout: 5000 });
    expect(released[0]).toMatchObject({
      cause: 'focus-end',
      items: [expect.objectContaining({ id: 'chat/normal' })],
    });
    expect(released[0]?.headline).toMatch(/^1 update — next: Update normal \(email\), due/);
    expect(core.delivery.status().heldCount).toBe(0);
    // The digest is shown first, then recorded: wait for the record.
    await vi.waitFor(
      () => expect(journalEvents().filter((e) => e.type === 'digest-released')).toHaveLength(1),
      {
        timeout: 5000,
      },
    );
    await core.close();
  });

  it('lets through an item that would miss its deadline before focus ends', async () => {
    const { core, notified } = await start();
    await core.focus.set({ active: true, minutes: 120 });
    await core.ingest.ingest([update('soon', { deadline: WED_0930 + 60 * MINUTE_MS })]);
    expect(notified[0]?.decision).toEqual({
      action: 'break-through',
      reason: 'deadline-risk',
      text: 'broke through: would miss its 10:30 deadline',
    });
    await core.close();
  });

  it('drops a done item from the queue before the release shows it', async () => {
    const { core, clock, released } = await start();
    await core.focus.set({ active: true, minutes: 30 });
    await core.ingest.ingest([update('a'), update('b')]);
    await core.handlers['inbox:set-state']({ ids: ['chat/a'], state: 'done' });
    await advance(clock, 30 * MINUTE_MS);
    await vi.waitFor(() => expect(released.map(ids)).toEqual([['chat/b']]), { timeout: 5000 });
    await core.close();
  });
});

describe('summary times', () => {
  it('releases at the next summary time once, even when the clock is set back and forward again', async () => {
    const { core, clock, released } = await start();
    await core.ingest.ingest([update('x')]);
    expect(core.delivery.status().nextReleaseAt).toBe(Date.UTC(2026, 10, 18, 9, 0));
    await advance(clock, 29 * MINUTE_MS);
    expect(released).toHaveLength(0);
    await advance(clock, 2 * MINUTE_MS);
    await vi.waitFor(() => expect(released.map((d) => d.cause)).toEqual(['summary']), { timeout: 5000 });
    clock.set(WED_0930);
    core.delivery.recompute();
    await core.ingest.ingest([update('y')]);
    clock.set(WED_0930 + 40 * MINUTE_MS);
    core.delivery.recompute();
    await settle();
    // The 10:00 occurrence already fired: y waits for 13:00.
    expect(released).toHaveLength(1);
    expect(core.delivery.status().nextReleaseAt).toBe(Date.UTC(2026, 10, 18, 12, 0));
    await core.close();
  });

  it('a forward jump over several summary times releases once', async () => {
    const { core, clock, released } = await start();
    await core.ingest.ingest([update('x')]);
    clock.set(Date.UTC(2026, 10, 18, 17, 0));
    core.delivery.recompute();
    await settle();
    await vi.waitFor(() => expect(released).toHaveLength(1), { timeout: 5000 });
    await core.close();
  });

  it('keeps summaries at local times across the spring-forward change', async () => {
    // Friday 27 March 2026 17:00 CET; the next summary is Monday 10:00 CEST = 08:00 UTC.
    const { core, clock, released } = await start({ at: Date.UTC(2026, 2, 27, 16, 0) });
    await core.ingest.ingest([update('x')]);
    expect(core.delivery.status().nextReleaseAt).toBe(Date.UTC(2026, 2, 30, 8, 0));
    clock.set(Date.UTC(2026, 2, 30, 7, 59));
    core.delivery.recompute();
    await settle();
    expect(released).toHaveLength(0);
    await advance(clock, 2 * MINUTE_MS);
    await vi.waitFor(() => expect(released).toHaveLength(1), { timeout: 5000 });
    await core.close();
  });
});

describe('other delivery modes', () => {
  it('instant mode delivers at once and holds nothing', async () => {
    const { core, notified } = await start({ delivery: { mode: 'instant' } });
    await core.ingest.ingest([update('x')]);
    expect(notified.map((n) => n.decision.reason)).toEqual(['instant']);
    expect(core.delivery.status().heldCount).toBe(0);
    await core.close();
  });

  it('instant mode with nothing held waits instead of re-arming its timer at 0 ms', async () => {
    const { core, clock } = await start({ delivery: { mode: 'instant' } });
    await core.ingest.ingest([update('x')]);
    clock.advance(5 * MINUTE_MS); // the fake clock throws when timers keep re-arming at 0 ms
    expect(Math.min(...clock.pendingTimers().map((t) => t.delayMs))).toBeGreaterThan(0);
    await core.close();
  });

  it('after-hours hold releases at the next working start', async () => {
    const evening = Date.UTC(2026, 10, 18, 19, 0); // 20:00 Berlin
    const { core, clock, released, storedItem } = await start({
      at: evening,
      delivery: { mode: 'instant', afterHoursHold: true },
    });
    await core.ingest.ingest([update('late')]);
    const item = storedItem('chat/late');
    expect(item?.kind === 'item' && item.item.route?.text).toBe('held until working hours start at 09:00');
    clock.set(Date.UTC(2026, 10, 19, 8, 1));
    core.delivery.recompute();
    await settle();
    await vi.waitFor(() => expect(released.map((d) => d.cause)).toEqual(['after-hours']), { timeout: 5000 });
    await core.close();
  });

  it('the third update from one sender within 10 minutes breaks through', async () => {
    const { core, notified } = await start();
    const from = { sender: { name: 'Ana' } };
    await core.ingest.ingest([update('1', from)]);
    await core.ingest.ingest([update('2', from)]);
    expect(notified).toHaveLength(0);
    await core.ingest.ingest([update('3', from)]);
    expect(notified.map((n) => n.decision.text)).toEqual(['broke through: Ana sent 3 updates in 10 min']);
    await core.close();
  });

  it('peek shows what is held by deadline without releasing; release now empties it', async () => {
    const { core, released } = await start();
    await core.ingest.ingest([update('later', { channel: 'task' }), update('sooner', { channel: 'chat' })]);
    const peek = await core.handlers['digest:peek'](undefined);
    expect(peek.items.map((i) => i.id)).toEqual(['chat/sooner', 'chat/later']);
    expect(released).toHaveLength(0);
    const digest = await core.handlers['digest:release'](undefined);
    expect(digest && ids(digest)).toEqual(['chat/sooner', 'chat/later']);
    expect(await core.handlers['digest:release'](undefined)).toBeNull();
    await core.close();
  });
});

describe('restarts', () => {
  it('held items survive a restart and are released afterwards', async () => {
    const first = await start();
    await first.core.ingest.ingest([update('kept')]);
    await first.core.close();
    const second = await start({ dataDir: first.dataDir, at: WED_0930 + MINUTE_MS });
    expect(second.core.delivery.status().items.map((i) => i.id)).toEqual(['chat/kept']);
    await second.core.close();
  });
});

describe('delivery settings through the contract', () => {
  it('saves a policy that takes effect for the next update, and checks it against the charter', async () => {
    const { core, notified } = await start();
    const delivery = { ...core.settings.get().delivery, summaryTimes: ['10:00', '16:00'] };
    const warnings = await core.handlers['settings:check-charter']({ delivery });
    expect(warnings.map((w) => w.text)).toEqual([
      'chat replies within 4 h need a summary at least every 3.5 h; summaries are up to 6 h apart',
    ]);
    expect(await core.handlers['settings:check-charter']({})).toEqual([]);
    await core.handlers['settings:save-delivery']({ delivery: { ...delivery, mode: 'instant' } });
    expect(core.settings.get().delivery.mode).toBe('instant');
    await core.ingest.ingest([update('now')]);
    expect(notified.map((n) => n.decision.reason)).toEqual(['instant']);
    await core.close();
  });
});
