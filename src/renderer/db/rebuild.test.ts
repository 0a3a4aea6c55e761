import { describe, expect, it } from 'vitest';
import { createInMemoryLullApi } from '../../../test/fakes/lull-api';
import { openTestDb } from '../../../test/helpers/renderer-db';
import { startTestCore } from '../../../test/helpers/test-core';
import { getJournalSeq } from './items-repo';
import { startJournalConsumer } from './journal-consumer';
import type { LullDb } from './lull-db';
import { rebuildFromSnapshot } from './rebuild';

const update = (externalId: string) => ({
  source: 'mail',
  externalId,
  channel: 'email' as const,
  title: externalId,
  priority: 'normal' as const,
});

async function caughtUp(api: ReturnType<typeof createInMemoryLullApi>, db: LullDb) {
  const consumer = startJournalConsumer(api, db, { retryMs: 10 });
  await consumer.sync();
  consumer.stop();
}

const states = async (db: LullDb) =>
  Object.fromEntries((await db.items.toArray()).map((row) => [row.externalId, row.status]));

describe('a window rebuilt from the core', () => {
  it('a fresh profile shows the same inbox, with done and snoozed states, after the first window acked', async () => {
    const core = await startTestCore();
    const api = createInMemoryLullApi(core);
    await core.handlers['updates:ingest'](['a', 'b', 'c', 'd'].map(update));
    const first = openTestDb();
    await caughtUp(api, first);
    await core.handlers['inbox:set-state']({ ids: ['mail/a'], state: 'done' });
    await core.handlers['inbox:set-state']({
      ids: ['mail/b'],
      state: 'snoozed',
      snoozeUntil: Date.now() + 3_600_000,
    });
    await core.handlers['updates:retract']({ id: 'mail/d' });
    // The first window acked everything: the journal no longer holds the items.
    expect(core.journal.entries().filter((entry) => entry.kind === 'item')).toHaveLength(0);

    const fresh = openTestDb();
    await caughtUp(api, fresh);
    expect(await states(fresh)).toEqual({ a: 'done', b: 'snoozed', c: 'open' });
    expect((await fresh.items.get('mail/b'))?.snoozedUntil).toBeGreaterThan(Date.now());
    expect(await getJournalSeq(fresh)).toBe(core.journal.lastSeq());

    // It then follows the journal like any window.
    await core.handlers['updates:ingest']([update('e')]);
    await caughtUp(api, fresh);
    expect(await states(fresh)).toMatchObject({ e: 'open' });
  });

  it('keeps what the user changed here and the core has not confirmed; drops rows the core no longer has', async () => {
    const core = await startTestCore();
    const api = createInMemoryLullApi(core);
    await core.handlers['updates:ingest'](['a', 'b'].map(update));
    const db = openTestDb();
    await caughtUp(api, db);
    await db.items.update('mail/a', { status: 'done', doneAt: 5 });
    await db.outbox.add({
      actionId: 'x',
      command: 'inbox:set-state',
      payload: { ids: ['mail/a'], state: 'done' },
      createdAt: 5,
      attempts: 0,
    });
    await db.items.put({ ...(await db.items.get('mail/b'))!, id: 'mail/gone', externalId: 'gone' });
    await rebuildFromSnapshot(api, db);
    expect(await states(db)).toEqual({ a: 'done', b: 'open' });
  });

  it('pages through a large memory in id order, every item once', async () => {
    const core = await startTestCore();
    const api = createInMemoryLullApi(core);
    const ids = Array.from({ length: 2_500 }, (_, n) => `n${String(n).padStart(4, '0')}`);
    for (let start = 0; start < ids.length; start += 500) {
      await core.handlers['updates:ingest'](ids.slice(start, start + 500).map(update));
    }
    const db = openTestDb();
    expect(await rebuildFromSnapshot(api, db)).toBe(core.journal.lastSeq());
    expect(await db.items.count()).toBe(2_500);
  });
});
