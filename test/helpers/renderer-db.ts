import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { LullDb } from '../../src/renderer/db/lull-db';
import type { InboxItem } from '../../src/shared/schemas';

let count = 0;
const open: LullDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/**
 * The renderer's database on an in-memory IndexedDB, closed after the test. Pass the same name again
 * to reopen one (a restart); by default every call gets a fresh database.
 */
export function openTestDb(name = `test-db-${++count}`): LullDb {
  const db = new LullDb(name, { indexedDB, IDBKeyRange });
  open.push(db);
  return db;
}

/** A contract item `me/<externalId>`, due at 10 000 ms, for the renderer's storage tests. */
export function testItem(externalId: string, overrides: Partial<InboxItem> = {}): InboxItem {
  return {
    id: `me/${externalId}`,
    source: 'me',
    externalId,
    channel: 'chat',
    title: `Item ${externalId}`,
    receivedAt: 1_000,
    deadline: 10_000,
    deadlineExplicit: false,
    priority: 'normal',
    ingestedAt: 1_000,
    ...overrides,
  };
}
