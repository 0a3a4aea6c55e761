import { afterEach, describe, expect, it } from 'vitest';
import {
  type DeliveryKit,
  startDeliveryKit,
  update,
  WED_0930,
  wed,
} from '../../../test/helpers/delivery-kit';
import { MINUTE_MS } from '../../shared/channels';
import type { FocusRule } from '../../shared/focus-schedule';

const MARGIN = 30 * MINUTE_MS;
let kit: DeliveryKit | null = null;
afterEach(async () => {
  await kit?.close();
  kit = null;
});

async function start(options: Parameters<typeof startDeliveryKit>[0] = {}) {
  kit = await startDeliveryKit(options);
  return kit;
}

/** The promise: out once, by `deadline − margin`, as a deadline break-through in the arrival's words. */
function expectOutOnce(k: DeliveryKit, id: string, latest: number, text?: string) {
  const out = k.of(id);
  expect(out).toHaveLength(1);
  expect(out[0]!.at).toBeLessThanOrEqual(latest);
  if (text) expect(out[0]).toMatchObject({ how: 'notify', text });
  expect(k.core.delivery.status().items.map((i) => i.id)).not.toContain(id);
}

const routeOf = (k: DeliveryKit, id: string) => k.core.store.get(id)?.route?.text;

describe('held updates are re-checked when the next delivery moves', () => {
  it('extending focus lets an update through at once when it would now miss its deadline', async () => {
    const k = await start();
    await k.core.handlers['focus:set']({ active: true, minutes: 10 });
    await k.core.ingest.ingest([update('plan', { deadline: wed('11:00') })]);
    expect(routeOf(k, 'chat/plan')).toBe('held during focus until 09:40');
    expect(k.of('chat/plan')).toHaveLength(0);

    await k.core.handlers['focus:set']({ active: true, minutes: 120 });
    await k.settle();
    expectOutOnce(k, 'chat/plan', wed('10:30'), 'broke through: would miss its 11:00 deadline');
    expect(k.of('chat/plan')[0]!.at).toBe(WED_0930);
    // The row says so too, and the catch-up at the end of focus does not show it again.
    expect(routeOf(k, 'chat/plan')).toBe('broke through: would miss its 11:00 deadline');
    await k.advance(2 * 60 * MINUTE_MS);
    expectOutOnce(k, 'chat/plan', wed('10:30'));
  });

  it('open-ended focus passing a summary time: held until focus ends, out at deadline − margin', async () => {
    const k = await start();
    await k.core.handlers['focus:set']({ active: true });
    await k.core.ingest.ingest([update('q', { deadline: wed('12:58') })]);
    expect(routeOf(k, 'chat/q')).toBe('held until focus ends');
    expect(k.core.delivery.status().nextReleaseAt).toBeNull();
    await k.advance(wed('12:27') - WED_0930);
    // 10:00 passed: focus always holds, and the item still has time.
    expect(k.of('chat/q')).toHaveLength(0);
    await k.advance(2 * MINUTE_MS);
    expectOutOnce(k, 'chat/q', wed('12:28'), 'broke through: would miss its 12:58 deadline');
    expect(k.of('chat/q')[0]!.at).toBe(wed('12:28'));
    await k.core.handlers['focus:set']({ active: false });
    await k.advance(4 * 60 * MINUTE_MS);
    expectOutOnce(k, 'chat/q', wed('12:28'));
  });

  it('a shortened charter moves the deadline forward, and the update comes out at once', async () => {
    const k = await start();
    await k.core.handlers['focus:set']({ active: true, minutes: 180 });
    await k.core.ingest.ingest([update('mail', { channel: 'email' })]);
    expect(k.of('chat/mail')).toHaveLength(0);
    const charter = { ...k.core.settings.get().charter, email: { hours: 1, clock: 'clock' as const } };
    await k.core.handlers['settings:save-charter']({ charter });
    await k.settle();
    expectOutOnce(
      k,
      'chat/mail',
      WED_0930 + 60 * MINUTE_MS - MARGIN,
      'broke through: would miss its 1 h deadline',
    );
  });

  it('a larger margin lets an update through that the old margin held', async () => {
    const k = await start();
    await k.core.handlers['focus:set']({ active: true, minutes: 120 }); // until 11:30
    await k.core.ingest.ingest([update('m', { deadline: wed('12:15') })]);
    expect(k.of('chat/m')).toHaveLength(0);
    const delivery = { ...k.core.settings.get().delivery, marginMinutes: 60 };
    await k.core.handlers['settings:save-delivery']({ delivery });
    await k.settle();
    expectOutOnce(k, 'chat/m', wed('11:15'), 'broke through: would miss its 12:15 deadline');
  });

  it('working hours without today move the next summary to tomorrow: the update comes out now', async () => {
    const k = await start();
    await k.core.ingest.ingest([update('w', { deadline: wed('11:00') })]);
    expect(routeOf(k, 'chat/w')).toBe('held for the 10:00 summary');
    const { timeZone, workingHours, holidays } = k.core.settings.get();
    await k.core.handlers['settings:save-working-time']({
      timeZone,
      holidays,
      workingHours: { ...workingHours, 3: [] },
    });
    await k.settle();
    expectOutOnce(k, 'chat/w', wed('10:30'), 'broke through: would miss its 11:00 deadline');
  });

  it('after a clock jump the wake-up follows the wall clock, not the timer armed before it', async () => {
    const k = await start();
    await k.core.handlers['focus:set']({ active: true });
    await k.core.ingest.ingest([update('j', { deadline: wed('11:00') })]);
    k.clock.set(wed('10:25'));
    k.core.recompute();
    await k.settle();
    expect(k.of('chat/j')).toHaveLength(0);
    await k.advance(5 * MINUTE_MS);
    expectOutOnce(k, 'chat/j', wed('10:30'));
    expect(k.of('chat/j')[0]!.at).toBe(wed('10:30'));
  });

  it('on resume, a focus block that began during sleep lets through what it would hold too long', async () => {
    const k = await start();
    const block: FocusRule = {
      id: 'deep',
      name: 'Deep work',
      kind: 'window',
      weekdays: [3],
      start: '10:00',
      end: '12:00',
      zone: 'Europe/Berlin',
      enabled: true,
    };
    await k.core.handlers['settings:save-focus-rules']({ rules: [block] });
    await k.core.ingest.ingest([update('r', { deadline: wed('11:15') })]);
    expect(routeOf(k, 'chat/r')).toBe('held for the 10:00 summary');
    // Asleep from 09:30 to 09:59; the block starts at 10:00 while the machine sleeps on.
    k.clock.set(wed('10:20'));
    k.core.recompute();
    await k.settle();
    expect(k.core.focus.status().active).toBe(true);
    expectOutOnce(k, 'chat/r', wed('10:45'), 'broke through: would miss its 11:15 deadline');
    expect(k.of('chat/r')[0]!.at).toBe(wed('10:20'));
  });

  it('a held item whose wait still fits is re-worded, not let through, when focus starts', async () => {
    const k = await start();
    await k.core.ingest.ingest([update('later', { deadline: wed('15:00') })]);
    expect(routeOf(k, 'chat/later')).toBe('held for the 10:00 summary');
    await k.core.handlers['focus:set']({ active: true, minutes: 60 });
    await k.settle();
    expect(routeOf(k, 'chat/later')).toBe('held during focus until 10:30');
    expect(k.of('chat/later')).toHaveLength(0);
    await k.advance(60 * MINUTE_MS);
    expect(k.of('chat/later')).toEqual([expect.objectContaining({ how: 'digest', at: wed('10:30') })]);
  });
});

describe('a break-through is durable', () => {
  it('is not repeated after a restart', async () => {
    const first = await startDeliveryKit();
    await first.core.handlers['focus:set']({ active: true, minutes: 10 });
    await first.core.ingest.ingest([update('once', { deadline: wed('11:00') })]);
    await first.core.handlers['focus:set']({ active: true, minutes: 120 });
    await first.settle();
    expect(first.of('chat/once')).toHaveLength(1);
    await first.close();
    const k = await start({ dataDir: first.dataDir, at: WED_0930 + MINUTE_MS });
    await k.advance(3 * 60 * MINUTE_MS);
    expect(k.of('chat/once')).toHaveLength(0);
  });

  it('one recorded but not yet out of the queue when the app stopped is announced once on start', async () => {
    const first = await startDeliveryKit();
    await first.core.handlers['focus:set']({ active: true });
    await first.core.ingest.ingest([update('cut', { deadline: wed('12:00') })]);
    await first.settle();
    // What the re-check writes first, as if the app stopped right after it.
    const item = first.core.store.get('chat/cut')!;
    const route = {
      action: 'break-through',
      reason: 'deadline-risk',
      text: 'broke through: would miss its 12:00 deadline',
    } as const;
    await first.core.store.put([{ ...item, route }]);
    await first.close();
    const k = await start({ dataDir: first.dataDir, at: WED_0930 + MINUTE_MS });
    await k.settle();
    expect(k.of('chat/cut')).toEqual([expect.objectContaining({ how: 'notify', text: route.text })]);
    expect(k.core.delivery.status().heldCount).toBe(0);
    await k.advance(4 * 60 * MINUTE_MS);
    expect(k.of('chat/cut')).toHaveLength(1);
  });
});
