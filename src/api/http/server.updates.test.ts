/** `GET /v1/updates`, `DELETE /v1/updates/…` and the digest routes, against a real core on a fake clock. */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock';
import { createTestCore, type TestCore } from '../../../test/helpers/test-core';
import { MINUTE_MS } from '../../shared/channels';
import { createHttpApp } from './server';

const PORT = 4680;
// Wednesday 18 November 2026, 09:30 in Berlin (08:30 UTC); summaries at 10:00, 13:00, 16:00.
const WED_0930 = Date.UTC(2026, 10, 18, 8, 30);

let core: TestCore;
let app: FastifyInstance;
let clock: FakeClock;
let dispose: () => Promise<void>;

beforeEach(async () => {
  clock = createFakeClock(WED_0930);
  const test = await createTestCore({ clock });
  core = test.core;
  dispose = test.dispose;
  await core.settings.update({ timeZone: 'Europe/Berlin' });
  app = (await createHttpApp(core, { port: PORT })).app;
});
afterEach(async () => {
  await app.close();
  await dispose();
});

function call(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) {
  return app.inject({
    method,
    url,
    headers: {
      host: `127.0.0.1:${PORT}`,
      authorization: `Bearer ${core.token()}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

const push = (externalId: string, extra: Record<string, unknown> = {}) =>
  call('POST', '/v1/updates', { source: 'mail', externalId, channel: 'email', title: externalId, ...extra });

describe('GET /v1/updates', () => {
  it('lists what the core knows, newest first, with deadlines, routing and whether each is held', async () => {
    await core.settings.update({ delivery: { ...core.settings.get().delivery, mode: 'instant' } });
    await push('delivered', { sender: { name: 'Ana' }, url: 'https://mail.test/1' });
    clock.advance(MINUTE_MS);
    await core.focus.set({ active: true, minutes: 60 });
    await push('held');
    clock.advance(MINUTE_MS);
    await push('urgent', { priority: 'urgent' });

    const all = await call('GET', '/v1/updates');
    expect(all.statusCode).toBe(200);
    expect(all.json().total).toBe(3);
    expect(all.json().items).toEqual([
      expect.objectContaining({ id: 'mail/urgent', held: false, priority: 'urgent' }),
      expect.objectContaining({ id: 'mail/held', held: true }),
      {
        id: 'mail/delivered',
        source: 'mail',
        externalId: 'delivered',
        channel: 'email',
        title: 'delivered',
        sender: { name: 'Ana' },
        url: 'https://mail.test/1',
        receivedAt: '2026-11-18T08:30:00.000Z',
        deadline: '2026-11-23T08:30:00.000Z', // 24 working hours: Monday 09:30 in Berlin
        priority: 'normal',
        route: { action: 'deliver', reason: 'instant', text: 'delivered as it arrived' },
        held: false,
        seq: 1,
      },
    ]);
    expect(all.json().items[1].route).toMatchObject({ action: 'hold', reason: 'focus' });
    expect(all.json().items[0].route).toMatchObject({ action: 'break-through', reason: 'urgent' });

    const held = (await call('GET', '/v1/updates?status=held')).json();
    expect(held).toMatchObject({ total: 1, items: [{ id: 'mail/held' }] });
    const recent = (await call('GET', '/v1/updates?status=recent&limit=1')).json();
    expect(recent).toMatchObject({ total: 2, items: [{ id: 'mail/urgent' }] });
  });

  it('orders by the core sequence, not the wall clock: a clock set back does not sort newer items lower', async () => {
    await push('before-jump');
    clock.set(clock.now() - 24 * 60 * MINUTE_MS);
    await push('after-jump');
    const listed = (await call('GET', '/v1/updates')).json();
    expect(listed.items.map((item: { id: string }) => item.id)).toEqual([
      'mail/after-jump',
      'mail/before-jump',
    ]);
  });

  it('pages with the `before` cursor: 20,000 items listed exactly once each', async () => {
    const updates = Array.from({ length: 20_000 }, (_, n) => ({
      source: 'bulk',
      externalId: String(n),
      channel: 'chat',
      title: `Bulk ${n}`,
    }));
    for (let start = 0; start < updates.length; start += 500) {
      const res = await call('POST', '/v1/updates', { updates: updates.slice(start, start + 500) });
      expect(res.statusCode).toBe(202);
    }
    // An update while paging does not shift the pages: it is newer than every cursor.
    const seen: string[] = [];
    let before: number | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const query: string = before === null ? '?limit=500' : `?limit=500&before=${before}`;
      const page = (await call('GET', `/v1/updates${query}`)).json();
      seen.push(...page.items.map((item: { id: string }) => item.id));
      if (pages === 3) await push('arrived-while-paging');
      before = page.nextBefore;
      if (before === null) break;
    }
    expect(seen).toHaveLength(20_000);
    expect(new Set(seen).size).toBe(20_000);
    expect(seen).not.toContain('mail/arrived-while-paging');
    const bad = await call('GET', '/v1/updates?before=soon');
    expect(bad.statusCode).toBe(400);
  }, 60_000);

  it.each([
    ['an unknown status', '?status=open', 'status'],
    ['a zero limit', '?limit=0', 'limit'],
    ['a limit over 500', '?limit=501', 'limit'],
    ['a limit that is not a number', '?limit=ten', 'limit'],
    ['a repeated key', '?limit=1&limit=2', 'limit'],
    ['an unknown key', '?colour=red', '(body)'],
    ['a __proto__ key', '?__proto__=x', '(body)'],
  ])('refuses %s with 400 naming the field', async (_name, query, field) => {
    const res = await call('GET', `/v1/updates${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid-query');
    expect(res.json().error.message).toMatch(/^The query was refused: /);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});

describe('DELETE /v1/updates/{source}/{externalId}', () => {
  it('retracts: out of the held queue, forgotten, a journal entry for the renderer', async () => {
    await core.focus.set({ active: true, minutes: 60 });
    await push('a/b c');
    expect(core.delivery.status().heldCount).toBe(1);
    const res = await call('DELETE', `/v1/updates/mail/${encodeURIComponent('a/b c')}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ retracted: true, id: 'mail/a%2Fb%20c' });
    expect(core.delivery.status().heldCount).toBe(0);
    expect(core.ingest.known('mail/a%2Fb%20c')).toBeUndefined();
    expect(core.journal.entries().at(-1)).toMatchObject({ kind: 'retract', id: 'mail/a%2Fb%20c' });
    expect((await call('GET', '/v1/updates')).json()).toEqual({ total: 0, items: [], nextBefore: null });

    const again = await call('DELETE', `/v1/updates/mail/${encodeURIComponent('a/b c')}`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error).toMatchObject({ code: 'unknown-update' });
  });

  it('finds an update with a long external id', async () => {
    const long = 'x'.repeat(500);
    await push(long);
    expect((await call('DELETE', `/v1/updates/mail/${long}`)).statusCode).toBe(200);
  });

  it('refuses a source no update can have with 400, and an unknown pair with 404', async () => {
    await push('1');
    const bad = await call('DELETE', '/v1/updates/ma%20il/1');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ field: 'source', message: expect.any(String) }]);
    expect((await call('DELETE', '/v1/updates/mail/2')).statusCode).toBe(404);
    expect((await call('DELETE', '/v1/updates/mail')).statusCode).toBe(404);
    expect(core.ingest.list()).toHaveLength(1);
  });
});

describe('digest routes', () => {
  it('GET /v1/digest/next says what is held and when the next summary comes', async () => {
    expect((await call('GET', '/v1/digest/next')).json()).toEqual({
      heldCount: 0,
      nextReleaseAt: null,
      items: [],
    });
    await push('1', { sender: { name: 'Bo' } }); // held for the 10:00 summary (the default policy)
    const next = (await call('GET', '/v1/digest/next')).json();
    expect(next).toEqual({
      heldCount: 1,
      nextReleaseAt: '2026-11-18T09:00:00.000Z',
      items: [
        {
          id: 'mail/1',
          title: '1',
          channel: 'email',
          sender: { name: 'Bo' },
          deadline: '2026-11-23T08:30:00.000Z',
          heldAt: '2026-11-18T08:30:00.000Z',
        },
      ],
    });
  });

  it('POST /v1/digest/release releases what is held, with or without a body', async () => {
    const empty = await call('POST', '/v1/digest/release');
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toEqual({ released: 0, digest: null });

    await core.focus.set({ active: true, minutes: 60 });
    await push('1');
    await push('2', { channel: 'chat' });
    const res = await call('POST', '/v1/digest/release', {});
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.released).toBe(2);
    expect(body.digest).toMatchObject({
      cause: 'manual',
      at: '2026-11-18T08:30:00.000Z',
      headline: expect.stringMatching(/^2 updates/),
    });
    expect(body.digest.items.map((i: { id: string }) => i.id)).toEqual(['mail/2', 'mail/1']);
    expect(core.delivery.status().heldCount).toBe(0);
    const events = core.journal.entries().flatMap((e) => (e.kind === 'event' ? [e.event.type] : []));
    expect(events).toContain('digest-released');
  });

  it('accepts the JSON content type with an empty body, and refuses a body with anything in it', async () => {
    const headers = {
      host: `127.0.0.1:${PORT}`,
      authorization: `Bearer ${core.token()}`,
      'content-type': 'application/json',
    };
    const bare = await app.inject({ method: 'POST', url: '/v1/digest/release', headers, payload: '' });
    expect(bare.statusCode).toBe(200);
    const extra = await call('POST', '/v1/digest/release', { now: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('invalid-release');
  });
});
