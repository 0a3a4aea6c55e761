import { afterEach, describe, expect, it } from 'vitest';
import {
  type DeliveryKit,
  startDeliveryKit,
  update,
  WED_0930,
  wed,
} from '../../../test/helpers/delivery-kit';

let kits: DeliveryKit[] = [];
afterEach(async () => {
  for (const kit of kits) await kit.close();
  kits = [];
});
/** Instant delivery: every item is in the inbox, open, from its arrival on. */
async function start(options: Parameters<typeof startDeliveryKit>[0] = {}) {
  const kit = await startDeliveryKit({ ...options, delivery: { mode: 'instant', ...options.delivery } });
  kits.push(kit);
  return kit;
}
const until = (k: DeliveryKit, hhmm: string) => k.advance(wed(hhmm) - k.clock.now());
const summary = (k: DeliveryKit) =>
  k.reminders.map((r) => ({ at: r.at, title: r.title, itemIds: r.itemIds }));

describe('at-risk reminders', () => {
  it('fire once per item, grouped when several come due together', async () => {
    const k = await start();
    await k.core.ingest.ingest([
      update('a', { deadline: wed('14:00'), title: 'Budget' }),
      update('b', { deadline: wed('14:00'), title: 'Spec' }),
      update('c', { deadline: wed('14:02'), title: 'Hiring' }),
      update('d', { deadline: wed('16:00'), title: 'Roadmap' }),
    ]);
    await until(k, '13:29');
    expect(k.reminders).toHaveLength(0);
    await until(k, '17:00');
    expect(summary(k)).toEqual([
      { at: wed('13:30'), title: '3 replies due by 14:02', itemIds: ['chat/a', 'chat/b', 'chat/c'] },
      { at: wed('15:30'), title: 'Reply due by 16:00', itemIds: ['chat/d'] },
    ]);
    expect(k.reminders[0]).toMatchObject({ body: 'Budget · Spec · Hiring', breakThrough: false });
  });

  it('skip done and snoozed items, and are not repeated after a restart', async () => {
    const first = await startDeliveryKit({ delivery: { mode: 'instant' } });
    await first.core.ingest.ingest([
      update('open', { deadline: wed('14:00') }),
      update('done', { deadline: wed('14:00') }),
      update('zz', { deadline: wed('14:00') }),
    ]);
    await first.core.handlers['inbox:set-state']({ ids: ['chat/done'], state: 'done' });
    await first.core.handlers['inbox:set-state']({
      ids: ['chat/zz'],
      state: 'snoozed',
      snoozeUntil: wed('15:00'),
    });
    await first.advance(wed('13:31') - first.clock.now());
    expect(first.reminders.map((r) => r.itemIds)).toEqual([['chat/open']]);
    await first.close();
    const k = await start({ dataDir: first.dataDir, at: wed('13:32') });
    await until(k, '14:00');
    expect(k.reminders).toHaveLength(0);
  });

  it('come again after a snooze returns', async () => {
    const k = await start();
    await k.core.ingest.ingest([update('s', { deadline: wed('14:00') })]);
    await until(k, '13:31');
    expect(k.reminders).toHaveLength(1);
    await k.core.handlers['inbox:set-state']({
      ids: ['chat/s'],
      state: 'snoozed',
      snoozeUntil: wed('13:40'),
    });
    await until(k, '13:39');
    expect(k.reminders).toHaveLength(1);
    await until(k, '13:40');
    // The snooze wakes (its own writes first), the item is open again, and the reminder comes again.
    await k.waitUntil(() => expect(k.reminders).toHaveLength(2));
    expect(summary(k).at(-1)).toEqual({ at: wed('13:40'), title: 'Reply due by 14:00', itemIds: ['chat/s'] });
    await until(k, '14:00');
    expect(k.reminders).toHaveLength(2);
  });

  it('in focus: wait for its end when that leaves the margin, break through when it would not', async () => {
    const k = await start({ delivery: { atRiskMinutes: 60 } });
    await k.core.ingest.ingest([
      update('fits', { deadline: wed('14:00') }),
      update('tight', { deadline: wed('15:00'), title: 'Tight' }),
    ]);
    await until(k, '12:50');
    await k.core.handlers['focus:set']({ active: true, until: wed('13:20') });
    await until(k, '13:19');
    // 13:00: focus ends at 13:20, before 14:00 − 30 min, so the reminder waits.
    expect(k.reminders).toHaveLength(0);
    await until(k, '13:21');
    expect(summary(k)).toEqual([{ at: wed('13:20'), title: 'Reply due by 14:00', itemIds: ['chat/fits'] }]);
    // A long session: 15:00 − 30 min comes before its end, so the reminder breaks through at 14:00.
    await k.core.handlers['focus:set']({ active: true, minutes: 180 });
    await until(k, '14:01');
    expect(k.reminders.at(-1)).toMatchObject({
      at: wed('14:00'),
      itemIds: ['chat/tight'],
      breakThrough: true,
    });
  });

  it('are scheduled in working hours only, and can be switched off', async () => {
    const k = await start();
    // 18:30 is after work; no working time is left before it.
    await k.core.ingest.ingest([update('late', { deadline: wed('18:30') })]);
    await until(k, '18:31');
    expect(k.reminders).toHaveLength(0);

    const off = await start({ delivery: { atRiskReminders: false } });
    await off.core.ingest.ingest([update('x', { deadline: wed('14:00') })]);
    await until(off, '14:00');
    expect(off.reminders).toHaveLength(0);
  });

  it('an item arriving inside its window is not reminded of: its arrival was the notification', async () => {
    const k = await start({ at: wed('13:45') });
    await k.core.ingest.ingest([update('late', { deadline: wed('14:00') })]);
    expect(k.of('chat/late')).toHaveLength(1);
    await until(k, '14:00');
    expect(k.reminders).toHaveLength(0);
  });

  it('a held update that breaks through in its window is not reminded of again', async () => {
    const k = await start({ delivery: { mode: 'summaries' } });
    await k.core.handlers['focus:set']({ active: true });
    await k.core.ingest.ingest([update('held', { deadline: wed('14:00') })]);
    await until(k, '14:00');
    expect(k.of('chat/held')).toEqual([
      expect.objectContaining({ at: wed('13:30'), text: 'broke through: would miss its 14:00 deadline' }),
    ]);
    expect(k.reminders).toHaveLength(0);
    expect(k.clock.now()).toBeGreaterThan(WED_0930);
  });
});
