import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/helpers/test-core';
import { createHttpApp, startHttpApi } from './server';

const PORT = 4680;
const HOST = `127.0.0.1:${PORT}`;

let core: TestCore;
let app: FastifyInstance;
let dispose: () => Promise<void>;

async function setup(options: Parameters<typeof createHttpApp>[1] = { port: PORT, version: '0.0.0-test' }) {
  const test = await createTestCore();
  core = test.core;
  dispose = test.dispose;
  app = (await createHttpApp(core, options)).app;
}

const auth = () => ({ authorization: `Bearer ${core.token()}` });
const json = { 'content-type': 'application/json' };

function post(body: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/v1/updates',
    headers: { host: HOST, ...auth(), ...json, ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const update = (externalId: string, extra: Record<string, unknown> = {}) => ({
  source: 'ci',
  externalId,
  channel: 'chat',
  title: `Update ${externalId}`,
  ...extra,
});

const storedCount = () => core.journal.entries().filter((e) => e.kind === 'item').length;

describe('local HTTP API', () => {
  beforeEach(() => setup());
  afterEach(async () => {
    await app.close();
    await dispose();
  });

  it('answers health without a token', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/health', headers: { host: HOST } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', version: '0.0.0-test' });
  });

  it('stores one update and answers 202 with its id and chat deadline (4 h)', async () => {
    const res = await post(update('1', { receivedAt: '2026-11-20T10:00:00Z' }));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({
      accepted: 1,
      items: [{ id: 'ci/1', deadline: '2026-11-20T14:00:00.000Z', created: true }],
    });
    expect(storedCount()).toBe(1);
  });

  it('stores a batch and re-sending updates instead of duplicating', async () => {
    const first = await post({ updates: [update('a'), update('b'), update('c', { channel: 'email' })] });
    expect(first.statusCode).toBe(202);
    expect(first.json().items.map((i: { created: boolean }) => i.created)).toEqual([true, true, true]);
    const again = await post(update('a', { title: 'Edited title' }));
    expect(again.json().items).toEqual([expect.objectContaining({ id: 'ci/a', created: false })]);
    expect(again.json().items[0].deadline).toBe(first.json().items[0].deadline);
    expect(core.ingest.known('ci/a')?.title).toBe('Edited title');
  });

  it.each([
    ['no header', {}],
    ['a wrong token', { authorization: 'Bearer not-the-token-but-long-enough-to-look-real' }],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
  ])('refuses %s with 401 and stores nothing', async (_name, headers) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/updates',
      headers: { host: HOST, ...json, ...headers },
      payload: JSON.stringify(update('x')),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
    expect(res.headers['www-authenticate']).toContain('Bearer');
    expect(storedCount()).toBe(0);
  });

  it.each([
    ['a rebound DNS name', { host: 'attacker.example:4680' }],
    ['another port', { host: '127.0.0.1:9999' }],
    ['a foreign Origin', { origin: 'https://attacker.example' }],
    ['a localhost page on another port', { origin: 'http://localhost:3000' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ])('refuses %s with 403 and stores nothing', async (_name, headers) => {
    const res = await post(update('x'), headers);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/refused|Host/);
    expect(storedCount()).toBe(0);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
  ])('refuses %s bodies with 415', async (_name, type) => {
    const res = await post(JSON.stringify(update('x')), { 'content-type': type });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported-media-type');
    expect(storedCount()).toBe(0);
  });

  it('refuses malformed JSON and prototype-poisoning keys with 400', async () => {
    expect((await post('{"source": "ci",')).statusCode).toBe(400);
    const poisoned = await post(`{"source":"ci","externalId":"p","title":"t","__proto__":{"polluted":true}}`);
    expect(poisoned.statusCode).toBe(400);
    const ctor = await post(
      `{"source":"ci","externalId":"p","title":"t","constructor":{"prototype":{"polluted":1}}}`,
    );
    expect(ctor.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(storedCount()).toBe(0);
  });

  it('names the offending field in a 400', async () => {
    const res = await post({ updates: [update('ok'), update('bad', { url: 'javascript:alert(1)' })] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { field: 'updates.1.url', message: 'must be an http or https URL' },
    ]);
    expect(res.json().error.message).toContain('updates.1.url');
    expect(storedCount()).toBe(0);
  });

  it('refuses more than 500 updates in one request', async () => {
    const updates = Array.from({ length: 501 }, (_, i) => update(String(i)));
    const res = await post({ updates });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('at most 500');
    expect(storedCount()).toBe(0);
  });

  // Every focus request and refusal: server.focus.test.ts.
  it('reads and sets focus', async () => {
    const off = await app.inject({ method: 'GET', url: '/v1/focus', headers: { host: HOST, ...auth() } });
    expect(off.json()).toEqual({
      active: false,
      cause: null,
      ruleName: null,
      since: null,
      until: null,
      nextChangeAt: null,
      skipping: false,
      nextBlock: null,
    });
    const on = await app.inject({
      method: 'PUT',
      url: '/v1/focus',
      headers: { host: HOST, ...auth(), ...json },
      payload: JSON.stringify({ active: true, minutes: 45 }),
    });
    expect(on.statusCode).toBe(200);
    const body = on.json();
    expect(body.active).toBe(true);
    expect(Date.parse(body.until) - Date.parse(body.since)).toBe(45 * 60_000);
    expect(core.focus.status().active).toBe(true);
    const bad = await app.inject({
      method: 'PUT',
      url: '/v1/focus',
      headers: { host: HOST, ...auth(), ...json },
      payload: JSON.stringify({ active: 'yes' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(core.focus.status().active).toBe(true);
  });

  it('answers unknown endpoints with a JSON 404 and sends no CORS headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/nope', headers: { host: HOST, ...auth() } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not-found');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('local HTTP API limits', () => {
  afterEach(async () => {
    await app.close();
    await dispose();
  });

  it('rate-limits with 429 and Retry-After', async () => {
    await setup({ port: PORT, rateLimit: { max: 3, windowMs: 60_000 } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await post(update(String(i)))).statusCode);
    expect(codes).toEqual([202, 202, 202, 429]);
    const res = await post(update('later'));
    expect(res.json().error.code).toBe('rate-limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(storedCount()).toBe(3);
  });

  it('caps the body size even without a Content-Length, on the loopback address only', async () => {
    const test = await createTestCore();
    core = test.core;
    dispose = test.dispose;
    const api = await startHttpApi(core, { port: 0, bodyLimit: 4096 });
    app = api.app;
    const address = api.app.server.address();
    expect(typeof address === 'object' && address?.address).toBe('127.0.0.1');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: api.port,
          method: 'POST',
          path: '/v1/updates',
          headers: { ...auth(), ...json, 'transfer-encoding': 'chunked' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      const chunk = `{"source":"ci","externalId":"big","title":"${'x'.repeat(1000)}`;
      for (let i = 0; i < 10; i++) req.write(chunk);
      req.end('"}');
    });
    expect(status).toBe(413);
    expect(storedCount()).toBe(0);
  });
});
