import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LullDb, type StoredItem } from '../db/lull-db';
import { tellCoreImportedState } from './imported-state';

const NOW = Date.UTC(2026, 10, 18, 9, 0);
let db: LullDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

const row = (id: string, extra: Partial<StoredItem>): StoredItem => ({
  id,
  source: 's',
  externalId: id,
  channel: 'chat',
  title: id,
  receivedAt: NOW,
  deadline: NOW,
  deadlineExplicit: false,
  priority: 'normal',
  ingestedAt: NOW,
  status: 'open',
  ...extra,
});

describe('telling the core about imported state', () => {
  it('sends done ids, and each future snooze with its time; open items and past snoozes need nothing', async () => {
    db = new LullDb(`imported-${Math.random()}`);
    await db.items.bulkPut([
      row('a', { status: 'done', doneAt: NOW - 1 }),
      row('b', { status: 'snoozed', snoozedUntil: NOW + 3_600_000 }),
      row('c', { status: 'snoozed', snoozedUntil: NOW + 3_600_000 }),
      row('d', { status: 'snoozed', snoozedUntil: NOW - 1 }),
      row('e', {}),
    ]);
    const calls: unknown[] = [];
    const api = {
      inbox: {
        async setState(change: unknown) {
          calls.push(change);
          return { updated: 1 };
        },
      },
    };
    await tellCoreImportedState(api as never, db, ['a', 'b', 'c', 'd', 'e', 'missing'], NOW);
    expect(calls).toEqual([
      { ids: ['a'], state: 'done' },
      { ids: ['b', 'c'], state: 'snoozed', snoozeUntil: NOW + 3_600_000 },
    ]);
  });
});
