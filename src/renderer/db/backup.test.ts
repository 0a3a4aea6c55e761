import { describe, expect, it } from 'vitest';
import { openTestDb, testItem } from '../../../test/helpers/renderer-db';
import type { BackupItem, InboxBackup } from '../../shared/backup-schemas';
import type { JournalEvent } from '../../shared/schemas';
import { exportInbox, IMPORTED_SEQ, importInbox } from './backup';

const openDb = openTestDb;

function item(externalId: string, overrides: Partial<BackupItem> = {}): BackupItem {
  return { ...testItem(externalId), status: 'open', ...overrides };
}

const events: JournalEvent[] = [
  { type: 'focus-started', at: 100, cause: 'manual', until: 200 },
  { type: 'focus-ended', at: 200 },
  { type: 'digest-released', at: 300, id: 'd1', cause: 'summary', itemIds: ['me/a'] },
];

const backup = (): InboxBackup => ({
  items: [
    item('a'),
    item('b', { status: 'done', doneAt: 5_000 }),
    item('c', { status: 'snoozed', snoozedUntil: 9_000 }),
  ],
  history: events,
});

describe('exportInbox and importInbox', () => {
  it('round trip into an empty database keeps every item, its state and the history', async () => {
    const source = openDb();
    await importInbox(source, backup());
    const exported = await exportInbox(source);

    const target = openDb();
    const report = await importInbox(target, exported);
    expect(report).toEqual({ added: 3, updated: 0, unchanged: 0, historyAdded: 3 });
    const again = await exportInbox(target);
    expect(again.items.sort((x, y) => x.id.localeCompare(y.id))).toEqual(backup().items);
    expect(again.history).toEqual(events);
    const rows = await target.history.toArray();
    expect(rows.every((row) => row.seq === IMPORTED_SEQ)).toBe(true);
  });

  it('exports history without the database id and journal sequence', async () => {
    const db = openDb();
    await db.history.add({ ...events[1]!, seq: 7 } as never);
    expect((await exportInbox(db)).history).toEqual([events[1]]);
  });

  it('importing the same backup twice changes nothing the second time', async () => {
    const db = openDb();
    await importInbox(db, backup());
    const report = await importInbox(db, backup());
    expect(report).toEqual({ added: 0, updated: 0, unchanged: 3, historyAdded: 0 });
    expect(await db.items.count()).toBe(3);
    expect(await db.history.count()).toBe(3);
  });

  it('a local done item stays done when the backup has it open', async () => {
    const db = openDb();
    await db.items.put(item('a', { status: 'done', doneAt: 4_000 }));
    const report = await importInbox(db, { items: [item('a')], history: [] });
    expect(report.unchanged).toBe(1);
    expect(await db.items.get('me/a')).toMatchObject({ status: 'done', doneAt: 4_000 });
  });

  it("a backup's done item marks the local open item done", async () => {
    const db = openDb();
    await db.items.put(item('a'));
    const report = await importInbox(db, {
      items: [item('a', { status: 'done', doneAt: 4_000 })],
      history: [],
    });
    expect(report.updated).toBe(1);
    expect(await db.items.get('me/a')).toMatchObject({ status: 'done', doneAt: 4_000 });
  });

  it('content from the more recently ingested copy wins, the user state is kept', async () => {
    const db = openDb();
    await db.items.put(
      item('a', { title: 'Old', ingestedAt: 1_000, status: 'snoozed', snoozedUntil: 8_000 }),
    );
    await db.items.put(item('b', { title: 'Newer here', ingestedAt: 3_000 }));
    await importInbox(db, {
      items: [
        item('a', { title: 'New', ingestedAt: 2_000 }),
        item('b', { title: 'Older', ingestedAt: 2_000 }),
      ],
      history: [],
    });
    expect(await db.items.get('me/a')).toMatchObject({
      title: 'New',
      status: 'snoozed',
      snoozedUntil: 8_000,
    });
    expect(await db.items.get('me/b')).toMatchObject({ title: 'Newer here' });
  });

  it('history is the union of both, without duplicates', async () => {
    const db = openDb();
    await db.history.bulkAdd([
      { ...events[0]!, seq: 3 },
      { type: 'focus-ended', at: 150, seq: 4 },
    ] as never);
    const report = await importInbox(db, { items: [], history: events });
    expect(report.historyAdded).toBe(2);
    const keys = (await exportInbox(db)).history.map((event) => `${event.type}@${event.at}`);
    expect(keys).toEqual(['focus-started@100', 'focus-ended@150', 'focus-ended@200', 'digest-released@300']);
  });
});
