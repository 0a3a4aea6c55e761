import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupItem } from '../../shared/backup-schemas';
import type { CommandInput, EventPayload } from '../../shared/contract';
import { LullDb } from '../db/lull-db';
import { itemWords } from '../db/search-words';
import { type BackupApi, startBackupResponder } from './backup-responder';

type Request = EventPayload<'backup:requested'>;
type Response = CommandInput<'backup:respond'>;

let dbCount = 0;
const dbs: LullDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});
function openDb(): LullDb {
  const db = new LullDb(`responder-${++dbCount}`, { indexedDB, IDBKeyRange });
  dbs.push(db);
  return db;
}

function fakeApi() {
  const listeners = new Set<(request: Request) => void>();
  const responses: Response[] = [];
  const stateChanges: unknown[] = [];
  let answered: () => void = () => {};
  const api: BackupApi = {
    inbox: {
      async setState(change) {
        stateChanges.push(change);
        return { updated: change.ids.length };
      },
    },
    backup: {
      async respond(response) {
        responses.push(response);
        answered();
        return { accepted: true };
      },
    },
    onBackupRequested(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const request = (payload: Request) =>
    new Promise<Response>((resolve) => {
      answered = () => resolve(responses.at(-1)!);
      for (const listener of listeners) listener(payload);
    });
  return { api, request, stateChanges, listenerCount: () => listeners.size };
}

/** The page's clock, pinned. */
const clock = { now: () => 1_000 };

const stored: BackupItem = {
  id: 'me/a',
  source: 'me',
  externalId: 'a',
  channel: 'chat',
  title: 'A',
  receivedAt: 1,
  deadline: 2,
  deadlineExplicit: false,
  priority: 'normal',
  ingestedAt: 1,
  status: 'done',
  doneAt: 5,
};

describe('startBackupResponder', () => {
  it('answers an export with the inbox and history', async () => {
    const db = openDb();
    await db.items.put(stored);
    const fake = fakeApi();
    startBackupResponder(fake.api, db, clock);
    const response = await fake.request({ requestId: 'r1', action: 'export' });
    expect(response).toEqual({ requestId: 'r1', ok: true, inbox: { items: [stored], history: [] } });
  });

  it('answers an import with the merge report', async () => {
    const db = openDb();
    const fake = fakeApi();
    startBackupResponder(fake.api, db, clock);
    const response = await fake.request({
      requestId: 'r2',
      action: 'import',
      inbox: { items: [stored], history: [] },
    });
    expect(response).toEqual({
      requestId: 'r2',
      ok: true,
      report: { added: 1, updated: 0, unchanged: 0, historyAdded: 0 },
    });
    expect(await db.items.get('me/a')).toEqual({ ...stored, words: itemWords(stored) });
  });

  it('after merging, tells the core which imported items are done', async () => {
    const db = openDb();
    const fake = fakeApi();
    startBackupResponder(fake.api, db, clock);
    // `stored` is done already; a second done item proves the ids are gathered, not just the first.
    const done = { ...stored, id: 'me/done', status: 'done' as const, doneAt: 1 };
    await fake.request({ requestId: 'r3', action: 'import', inbox: { items: [stored, done], history: [] } });
    await vi.waitFor(() => expect(fake.stateChanges).toEqual([{ ids: ['me/a', 'me/done'], state: 'done' }]));
  });

  it("arms only the snoozes still ahead by the page's clock", async () => {
    const db = openDb();
    const fake = fakeApi();
    startBackupResponder(fake.api, db, clock);
    const { doneAt: _doneAt, ...open } = stored;
    const snoozed = (id: string, until: number): BackupItem => ({
      ...open,
      id,
      status: 'snoozed',
      snoozedUntil: until,
    });
    const items = [snoozed('me/past', 900), snoozed('me/ahead', 5_000)];
    await fake.request({ requestId: 'r4', action: 'import', inbox: { items, history: [] } });
    await vi.waitFor(() =>
      expect(fake.stateChanges).toEqual([{ ids: ['me/ahead'], state: 'snoozed', snoozeUntil: 5_000 }]),
    );
  });

  it('answers a failure in words, and stops listening when unsubscribed', async () => {
    const db = openDb();
    vi.spyOn(db, 'transaction').mockRejectedValue(new Error('Disk full'));
    const fake = fakeApi();
    const stop = startBackupResponder(fake.api, db, clock);
    const response = await fake.request({ requestId: 'r3', action: 'export' });
    expect(response).toEqual({ requestId: 'r3', ok: false, error: 'Disk full' });
    stop();
    expect(fake.listenerCount()).toBe(0);
  });
});
