// Dexie's live queries (which re-arm the waker) only run with a global indexedDB, as in the page.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestDb, testItem } from '../../../test/helpers/renderer-db';
import { DEFAULT_FILTER, readWindow } from './inbox-query';
import type { LullDb, StoredItem } from './lull-db';
import { nextSnoozeEnd, startSnoozeWaker, wakeDueSnoozes } from './snooze-wake';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 18, 9);

function row(id: string, overrides: Partial<StoredItem> = {}): StoredItem {
  return { ...testItem(id), status: 'open', ...overrides };
}

const snoozed = (id: string, until: number) => row(id, { status: 'snoozed', snoozedUntil: until });

const statusOf = async (db: LullDb, id: string) => (await db.items.get(`me/${id}`))?.status;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

/** A clock the test moves by hand; the waker's timers still run on real time. */
function handClock(start: number) {
  let now = start;
  return { now: () => now, set: (at: number) => (now = at) };
}

describe('wakeDueSnoozes', () => {
  it('opens snoozed rows whose time has come and leaves the rest', async () => {
    const db = openTestDb();
    await db.items.bulkPut([
      snoozed('due', NOW - 1),
      snoozed('now', NOW),
      snoozed('later', NOW + HOUR),
      row('done', { status: 'done', doneAt: 1 }),
    ]);
    expect(await wakeDueSnoozes(db, NOW)).toBe(2);
    const open = await readWindow(db, DEFAULT_FILTER, NOW, 0, 10);
    expect(open.map((item) => item.id).sort()).toEqual(['me/due', 'me/now']);
    expect((await db.items.get('me/due'))?.snoozedUntil).toBeUndefined();
    expect(await statusOf(db, 'later')).toBe('snoozed');
    expect(await nextSnoozeEnd(db)).toBe(NOW + HOUR);
  });
});

describe('startSnoozeWaker', () => {
  it('wakes what is due on start, then each snooze when its time comes', async () => {
    const db = openTestDb();
    const clock = handClock(NOW);
    await db.items.bulkPut([
      snoozed('past', NOW - HOUR),
      snoozed('soon', NOW + 40),
      snoozed('later', NOW + HOUR),
    ]);
    stops.push(startSnoozeWaker(db, clock));
    await vi.waitFor(async () => expect(await statusOf(db, 'past')).toBe('open'));
    expect(await statusOf(db, 'soon')).toBe('snoozed');

    // The timer is armed for 40 ms on; by the time it fires the clock has reached the snooze's end.
    clock.set(NOW + 40);
    await vi.waitFor(async () => expect(await statusOf(db, 'soon')).toBe('open'));
    expect(await statusOf(db, 'later')).toBe('snoozed');
  });

  it('re-arms when a snooze is added after it started, and stops when told', async () => {
    const db = openTestDb();
    const clock = handClock(NOW);
    const stop = startSnoozeWaker(db, clock);
    stops.push(stop);
    await db.items.put(snoozed('new', NOW + 30));
    await sleep(60);
    expect(await statusOf(db, 'new')).toBe('snoozed');
    clock.set(NOW + 30);
    await vi.waitFor(async () => expect(await statusOf(db, 'new')).toBe('open'));

    stop();
    await db.items.put(snoozed('after-stop', NOW + 31));
    clock.set(NOW + 31);
    await sleep(100);
    expect(await statusOf(db, 'after-stop')).toBe('snoozed');
  });
});
