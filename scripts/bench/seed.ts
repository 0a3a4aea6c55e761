/**
 * Browser side: writes the benchmark rows straight into the app's IndexedDB, past Dexie, in batched
 * transactions. The database must exist already (the app or LullDb created it): it is opened at its
 * current version, so the schema under test is the app's own.
 */
import { benchItem } from './rows';

export interface SeedResult {
  readonly count: number;
  readonly version: number;
  readonly ms: number;
}

/** Opens an existing database at its current version; never creates or upgrades one. */
export function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => {
      request.transaction?.abort();
      reject(new Error(`database "${name}" does not exist yet: let the app create it first`));
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function putBatch(db: IDBDatabase, from: number, to: number, now: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Relaxed durability: the rows only need to be there for this run, and seeding is not measured.
    const tx = db.transaction('items', 'readwrite', { durability: 'relaxed' });
    const store = tx.objectStore('items');
    for (let i = from; i < to; i++) store.put(benchItem(i, now));
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('seed transaction aborted'));
  });
}

export async function seedItems(name: string, count: number, now: number, batch = 5000): Promise<SeedResult> {
  const started = performance.now();
  const db = await openExisting(name);
  try {
    for (let from = 0; from < count; from += batch)
      await putBatch(db, from, Math.min(count, from + batch), now);
    return { count, version: db.version, ms: performance.now() - started };
  } finally {
    db.close();
  }
}
