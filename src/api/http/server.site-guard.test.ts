/**
 * What a web page could send is refused before the rate limit counts it: a flood of cross-site
 * requests leaves the page's own requests and the token's budget untouched.
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../test/helpers/test-core';
import type { Core } from '../../core/create-core';
import { createHttpApp, DEFAULT_RATE_LIMIT, startHttpApi } from './server';

const PORT = 4680;
const HOST = `127.0.0.1:${PORT}`;

let core: Core;
let app: FastifyInstance;
let dispose: () => Promise<void>;

async function setup(rateLimit = DEFAULT_RATE_LIMIT) {
  const test = await createTestCore();
  core = test.core;
  dispose = test.dispose;
  app = (await createHttpApp(core, { port: PORT, version: '0.0.0-test', rateLimit })).app;
}
afterEach(async () => {
  await app.close();
  await dispose();
});

const update = (n: number) => JSON.stringify({ source: 'ci', externalId: `x${n}`, title: 'Build failed' });
const health = () => app.inject({ method: 'GET', url: '/v1/health', headers: { host: HOST } });
const authorised = (n: number) =>
  app.inject({
    method: 'POST',
    url: '/v1/updates',
    headers: { host: HOST, authorization: `Bearer ${core.token()}`, 'content-type': 'application/json' },
    payload: update(n),
  });

describe('refusals do not spend the rate limit', () => {
  it(`${DEFAULT_RATE_LIMIT.max + 50} requests with a foreign Origin, then /v1/health and an authorised request still work`, async () => {
    await setup();
    const codes = new Set<number>();
    for (let i = 0; i < DEFAULT_RATE_LIMIT.max + 50; i++) {
      const res = await app.inject({
        method: i % 2 ? 'GET' : 'POST',
        url: i % 2 ? '/v1/health' : '/v1/updates',
        headers: { host: HOST, origin: 'https://attacker.example', 'content-type': 'application/json' },
        payload: i % 2 ? undefined : update(i),
      });
      codes.add(res.statusCode);
    }
    expect([...codes]).toEqual([403]);
    expect((await health()).statusCode).toBe(200);
    expect((await authorised(1)).statusCode).toBe(202);
  });

  it.each([
    ['a foreign Host (DNS rebinding)', { host: `attacker.example:${PORT}` }],
    ['Sec-Fetch-Site: cross-site', { host: HOST, 'sec-fetch-site': 'cross-site' }],
    ['OPTIONS preflights', { host: HOST, origin: 'https://attacker.example' }],
  ])('%s past the limit leaves the page its budget', async (name, headers) => {
    await setup({ max: 5, windowMs: 60_000 });
    const method = name.startsWith('OPTIONS') ? 'OPTIONS' : 'GET';
    for (let i = 0; i < 20; i++) {
      const res = await app.inject({ method, url: '/v1/health', headers });
      expect(res.statusCode).not.toBe(429);
    }
    for (let i = 0; i < 5; i++) expect((await health()).statusCode).toBe(200);
    // The limit itself still holds for what it counts.
    expect((await health()).statusCode).toBe(429);
  });
});

describe('Sec-Fetch-Site', () => {
  it.each(['Cross-Site', 'CROSS-SITE', 'Same-Site', ' cross-site', 'cross-site ', 'something-new'])(
    '%j is refused, whatever its letter case',
    async (value) => {
      await setup();
      const res = await app.inject({
        method: 'GET',
        url: '/v1/health',
        headers: { host: HOST, 'sec-fetch-site': value },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden-origin');
    },
  );

  it.each(['same-origin', 'Same-Origin', 'none', 'NONE'])(
    '%j is the page itself, or no page: allowed',
    async (value) => {
      await setup();
      const res = await app.inject({
        method: 'GET',
        url: '/v1/health',
        headers: { host: HOST, 'sec-fetch-site': value },
      });
      expect(res.statusCode).toBe(200);
    },
  );
});

describe('the request target', () => {
  /** Sends one raw request line and answers the status line. */
  function rawStatus(port: number, target: string, host: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`),
      );
      let received = '';
      socket.on('data', (chunk) => (received += chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve(received.split('\r\n')[0] ?? ''));
    });
  }

  it.each(['http://evil.com/v1/health', 'http://127.0.0.1/v1/health', '*'])(
    'refuses the absolute or asterisk form %s with 400',
    async (target) => {
      const test = await createTestCore();
      core = test.core;
      dispose = test.dispose;
      const api = await startHttpApi(core, { port: 0, version: '0.0.0-test' });
      app = api.app;
      const status = await rawStatus(api.port, target, `127.0.0.1:${api.port}`);
      expect(status).toBe('HTTP/1.1 400 Bad Request');
      expect(await rawStatus(api.port, '/v1/health', `127.0.0.1:${api.port}`)).toBe('HTTP/1.1 200 OK');
    },
  );
});
