import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LullDb, SCHEMA_VERSIONS } from './lull-db';

const options = { indexedDB, IDBKeyRange };

describe('LullDb schema', () => {
  it('declares versions in order, starting at 1', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it('has the indexes the inbox queries rely on', async () => {
    const db = new LullDb('schema-indexes', options);
    await db.open();
    const items = db.table('items').schema;
    expect(items.primKey.name).toBe('id');
    expect(items.indexes.map((i) => i.name).sort()).toEqual(
      [
        '[status+deadline]',
        '[status+channel+deadline]',
        '[status+source+deadline]',
        '[status+channel+source+deadline]',
        '[status+snoozedUntil]',
        'channel',
        'deadline',
        'receivedAt',
        'source',
        'threadId',
        'words',
      ].sort(),
    );
    expect(items.idxByName.words?.multi).toBe(true);
    expect(db.table('outbox').schema.primKey.auto).toBe(true);
    expect(db.table('meta').schema.primKey.name).toBe('key');
    expect(db.table('history').schema.primKey.auto).toBe(true);
    db.close();
  });

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    'keeps rows written at version %i after an upgrade to the current schema',
    async (version) => {
      const name = `schema-upgrade-${version}`;
      const old = new LullDb(name, options, SCHEMA_VERSIONS.slice(0, version));
      await old.items.put({
        id: 'me/1',
        source: 'me',
        externalId: '1',
        channel: 'chat',
        title: 'Old row from Zoë',
        sender: { name: 'Ada Lovelace' },
        snippet: 'Can you review?',
        receivedAt: 1,
        deadline: 2,
        deadlineExplicit: false,
        priority: 'normal',
        ingestedAt: 1,
        status: 'done',
        doneAt: 3,
      });
      await old.meta.put({ key: 'journalSeq', value: 42 });
      old.close();

      const current = new LullDb(name, options);
      expect(await current.items.get('me/1')).toMatchObject({
        title: 'Old row from Zoë',
        status: 'done',
        doneAt: 3,
      });
      // Every upgrade leaves rows findable by the words of their title, sender and snippet.
      const found = await current.items.where('words').startsWith('zoe').primaryKeys();
      expect(found).toEqual(['me/1']);
      expect(await current.items.where('words').equals('lovelace').count()).toBe(1);
      expect(await current.items.where('words').equals('review').count()).toBe(1);
      expect(await current.meta.get('journalSeq')).toEqual({ key: 'journalSeq', value: 42 });
      current.close();
    },
  );
});
