/**
 * Load on the loopback API, bounded in count and time: 10,000 updates at concurrency 50, one in ten a
 * re-send of an earlier (source, externalId). Every acknowledged update is stored exactly once: the
 * core remembers exactly the acknowledged ids, and the renderer's merge of the journal (one row per
 * id) yields exactly that many rows. No 5xx.
 */
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type HttpApi, startHttpApi } from '../../src/api/http/server';
import { applyJournalPage } from '../../src/renderer/db/journal-consumer';
import { LullDb } from '../../src/renderer/db/lull-db';
import { itemIdFor } from '../../src/shared/ids';
import { createTestCore, type TestCore } from '../helpers/test-core';

const TOTAL = 10_000;
const CONCURRENCY = 50;
const DUPLICATE_EVERY = 10;
const TIME_LIMIT_MS = 60_000;

let core: TestCore;
let api: HttpApi;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const test = await createTestCore();
  core = test.core;
  dispose = test.dispose;
  api = await startHttpApi(core, { port: 0, rateLimit: { max: TOTAL * 2, windowMs: 60_000 } });
});
afterAll(async () => {
  await api.close();
  await dispose();
});

/** The n-th request: every tenth re-sends an update sent earlier (spread out), with a new title. */
function updateFor(n: number) {
  const duplicate = n % DUPLICATE_EVERY === DUPLICATE_EVERY - 1;
  let earlier = ((n * 2_654_435_761) >>> 0) % n;
  if (earlier % DUPLICATE_EVERY === DUPLICATE_EVERY - 1) earlier -= 1;
  const externalId = `u-${duplicate ? earlier : n}`;
  return { source: 'load', externalId, channel: 'chat', title: `Update ${n}` };
}

it(`stores ${TOTAL} updates at concurrency ${CONCURRENCY}, re-sends included, each acknowledged id once`, {
  timeout: TIME_LIMIT_MS + 30_000,
}, async () => {
  const statuses = new Map<number, number>();
  const acknowledged = new Set<string>();
  const sent = new Set<string>();
  let next = 0;
  const started = Date.now();

  async function worker() {
    for (let n = next++; n < TOTAL; n = next++) {
      if (Date.now() - started > TIME_LIMIT_MS) throw new Error(`over ${TIME_LIMIT_MS} ms`);
      const update = updateFor(n);
      sent.add(itemIdFor(update.source, update.externalId));
      const res = await fetch(`${api.url}/v1/updates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${core.token()}`, 'content-type': 'application/json' },
        body: JSON.stringify(update),
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const body = (await res.json()) as { items?: { id: string }[] };
      if (res.status === 202) for (const item of body.items ?? []) acknowledged.add(item.id);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsed = Date.now() - started;

  expect(elapsed).toBeLessThan(TIME_LIMIT_MS);
  expect(Object.fromEntries(statuses)).toEqual({ 202: TOTAL });
  expect(acknowledged.size).toBe(TOTAL - TOTAL / DUPLICATE_EVERY);
  expect(acknowledged).toEqual(sent);

  // The core's item memory: exactly the acknowledged ids.
  const remembered = core.ingest.list().map((item) => item.id);
  expect(remembered).toHaveLength(acknowledged.size);
  expect(new Set(remembered)).toEqual(acknowledged);

  // The journal holds a line per accepted request (a re-send appends a newer copy, by design) …
  const entries = core.journal.entries();
  expect(entries.filter((entry) => entry.kind === 'item')).toHaveLength(TOTAL);
  // … and the renderer's merge, keyed by id, stores each acknowledged update exactly once.
  const db = new LullDb('api-load', { indexedDB, IDBKeyRange });
  for (let i = 0; i < entries.length; i += 500) await applyJournalPage(db, entries.slice(i, i + 500));
  const rows = await db.items.toArray();
  expect(rows).toHaveLength(acknowledged.size);
  expect(new Set(rows.map((row) => row.id))).toEqual(acknowledged);
  db.close();
});
