/**
 * Every refusal of the local API (DESIGN.md security posture): its status and code, that nothing was
 * stored, and that no answer carries a CORS header.
 */
import net from 'node:net';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/helpers/test-core';
import { createHttpApp, type HttpApiOptions, startHttpApi } from './server';

const PORT = 4680;
const HOST = `127.0.0.1:${PORT}`;

let core: TestCore;
let app: FastifyInstance;
let dispose: () => Promise<void>;

async function setup(options: Partial<HttpApiOptions> = {}) {
  const test = await createTestCore();
  core = test.core;
  dispose = test.dispose;
  app = (await createHttpApp(core, { port: PORT, ...options })).app;
}
afterEach(async () => {
  await app.close();
  await dispose();
});

const update = { source: 'ci', externalId: 'x', title: 'Build failed' };
const body = JSON.stringify(update);
const auth = () => `Bearer ${core.token()}`;
const json = 'application/json';

/** Nothing reached the journal, the item memory or the held queue. */
function expectNothingStored() {
  expect(core.journal.entries()).toEqual([]);
  expect(core.ingest.list()).toEqual([]);
  expect(core.delivery.status().heldCount).toBe(0);
}

function expectNoCors(headers: Record<string, unknown>) {
  expect(Object.keys(headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
}

type Case = [name: string, status: number, code: string, request: () => InjectOptions];
const post = (headers: Record<string, string>, payload: string = body): InjectOptions => ({
  method: 'POST',
  url: '/v1/updates',
  headers: { host: HOST, authorization: auth(), 'content-type': json, ...headers },
  payload,
});

const CASES: Case[] = [
  ['malformed JSON', 400, 'invalid-json', () => post({}, '{"source": "ci",')],
  ['a __proto__ key', 400, 'invalid-json', () => post({}, '{"title":"t","__proto__":{"polluted":1}}')],
  [
    'a constructor.prototype key',
    400,
    'invalid-json',
    () => post({}, '{"title":"t","constructor":{"prototype":{"polluted":1}}}'),
  ],
  [
    'a field that fails validation',
    400,
    'invalid-update',
    () => post({}, '{"source":"ci","externalId":"x"}'),
  ],
  [
    'no body at all',
    400,
    'invalid-update',
    () => ({ method: 'POST', url: '/v1/updates', headers: { host: HOST, authorization: auth() } }),
  ],
  ['no token', 401, 'unauthorized', () => post({ authorization: '' })],
  ['a wrong token', 401, 'unauthorized', () => post({ authorization: `Bearer ${'x'.repeat(43)}` })],
  [
    'the token in another scheme',
    401,
    'unauthorized',
    () => post({ authorization: `Basic ${core.token()}` }),
  ],
  ['a rebound DNS name', 403, 'forbidden-host', () => post({ host: `attacker.example:${PORT}` })],
  ['another port in Host', 403, 'forbidden-host', () => post({ host: '127.0.0.1:1' })],
  ['a foreign Origin', 403, 'forbidden-origin', () => post({ origin: 'https://attacker.example' })],
  ['a null Origin (sandboxed page)', 403, 'forbidden-origin', () => post({ origin: 'null' })],
  ['Sec-Fetch-Site: cross-site', 403, 'forbidden-origin', () => post({ 'sec-fetch-site': 'cross-site' })],
  ['Sec-Fetch-Site: same-site', 403, 'forbidden-origin', () => post({ 'sec-fetch-site': 'same-site' })],
  ['an unknown endpoint', 404, 'not-found', () => ({ ...post({}), url: '/v1/update' })],
  ['a method the path lacks', 404, 'not-found', () => ({ ...post({}), method: 'PATCH', url: '/v1/focus' })],
  [
    'retracting an unknown update',
    404,
    'unknown-update',
    () => ({ method: 'DELETE', url: '/v1/updates/ci/x', headers: { host: HOST, authorization: auth() } }),
  ],
  ['OPTIONS', 405, 'method-not-allowed', () => ({ ...post({}), method: 'OPTIONS' })],
  [
    'a CORS preflight',
    405,
    'method-not-allowed',
    () => ({
      method: 'OPTIONS',
      url: '/v1/updates',
      headers: {
        host: HOST,
        origin: 'https://attacker.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    }),
  ],
  [
    'a body over the cap',
    413,
    'body-too-large',
    () => post({}, JSON.stringify({ ...update, title: 'x'.repeat(2048) })),
  ],
  ['text/plain', 415, 'unsupported-media-type', () => post({ 'content-type': 'text/plain;charset=UTF-8' })],
  [
    'a form',
    415,
    'unsupported-media-type',
    () => post({ 'content-type': 'application/x-www-form-urlencoded' }, 'title=x'),
  ],
  [
    'multipart',
    415,
    'unsupported-media-type',
    () => post({ 'content-type': 'multipart/form-data; boundary=x' }),
  ],
  [
    'JSON under another name',
    415,
    'unsupported-media-type',
    () => post({ 'content-type': 'application/json-seq' }),
  ],
  [
    'a body without a Content-Type',
    415,
    'unsupported-media-type',
    () => ({
      method: 'POST',
      url: '/v1/updates',
      headers: { host: HOST, authorization: auth() },
      payload: body,
    }),
  ],
  [
    'a text body on a bodiless POST',
    415,
    'unsupported-media-type',
    () => ({ ...post({ 'content-type': 'text/plain' }), url: '/v1/digest/release' }),
  ],
];

describe('refusals', () => {
  it.each(CASES)('%s → %i %s, nothing stored, no CORS headers', async (_name, status, code, request) => {
    await setup({ bodyLimit: 1024 });
    const res = await app.inject(request());
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect(typeof res.json().error.message).toBe('string');
    expectNoCors(res.headers);
    expectNothingStored();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('sends no CORS headers on success either, even to a request with our own Origin', async () => {
    await setup();
    const res = await app.inject(post({ origin: `http://${HOST}` }));
    expect(res.statusCode).toBe(202);
    expectNoCors(res.headers);
  });

  it('rate-limits the token with 429 and Retry-After, storing nothing more', async () => {
    await setup({ rateLimit: { max: 3, windowMs: 60_000 } });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      codes.push((await app.inject(post({}, JSON.stringify({ ...update, externalId: `${i}` })))).statusCode);
    }
    expect(codes).toEqual([202, 202, 202, 429]);
    const res = await app.inject(post({}, JSON.stringify({ ...update, externalId: 'late' })));
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('rate-limited');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(59);
    expectNoCors(res.headers);
    expect(core.ingest.list()).toHaveLength(3);
  });

  it('limits a flood of wrong tokens per address, without spending the real token’s budget', async () => {
    await setup({ rateLimit: { max: 5, windowMs: 60_000 } });
    const codes: number[] = [];
    // A new invented token each time: keyed by the presented token, each would get its own budget.
    for (let i = 0; i < 7; i++) {
      codes.push(
        (await app.inject(post({ authorization: `Bearer guess-${i}-${'x'.repeat(40)}` }))).statusCode,
      );
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect((await app.inject(post({ authorization: '' }))).statusCode).toBe(429);
    expect((await app.inject(post({}))).statusCode).toBe(202);
  });
});

describe('slow clients', () => {
  /** Opens a raw socket, sends `first`, then drips `drip` one byte every 50 ms until the server hangs up. */
  function drip(port: number, first: string, dripped: string) {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let timer: ReturnType<typeof setInterval> | undefined;
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', () => {});
    socket.on('connect', () => {
      socket.write(first);
      let i = 0;
      timer = setInterval(() => {
        if (!socket.destroyed && socket.writable) socket.write(dripped[i++ % dripped.length]!);
      }, 50);
    });
    const started = Date.now();
    return new Promise<{ ms: number; received: string }>((resolve) =>
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ ms: Date.now() - started, received });
      }),
    );
  }

  const slowTimeouts = { headersMs: 400, requestMs: 800, idleMs: 10_000, checkEveryMs: 50 };

  it('cuts off a client that sends its headers byte by byte', { timeout: 5_000 }, async () => {
    const test = await createTestCore();
    core = test.core;
    dispose = test.dispose;
    const api = await startHttpApi(core, { port: 0, timeouts: slowTimeouts });
    app = api.app;
    const request = `POST /v1/updates HTTP/1.1\r\nHost: 127.0.0.1:${api.port}\r\n`;
    const result = await drip(api.port, request, 'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n');
    expect(result.ms).toBeGreaterThanOrEqual(300);
    expect(result.ms).toBeLessThan(2_000);
    expect(result.received).toMatch(/^(HTTP\/1\.1 408|$)/);
    expectNothingStored();
  });

  it('cuts off a client that sends its body byte by byte', { timeout: 5_000 }, async () => {
    const test = await createTestCore();
    core = test.core;
    dispose = test.dispose;
    const api = await startHttpApi(core, { port: 0, timeouts: slowTimeouts });
    app = api.app;
    const headers =
      `POST /v1/updates HTTP/1.1\r\nHost: 127.0.0.1:${api.port}\r\nAuthorization: ${auth()}\r\n` +
      `Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n`;
    const result = await drip(api.port, headers, body);
    expect(result.ms).toBeLessThan(2_500);
    expect(result.received).toMatch(/^(HTTP\/1\.1 408|$)/);
    expectNothingStored();
  });
});
