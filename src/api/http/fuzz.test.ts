/**
 * Fuzzing every body-taking route with arbitrary values, JSON, garbage, deep nesting and prototype
 * keys: the server never answers 5xx, never throws, and never pollutes Object.prototype.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../../test/helpers/test-core';
import { parseUpdatesBody } from '../../shared/schemas';
import { createHttpApp } from './server';

const PORT = 4680;
const RUNS = 250;
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'hasOwnProperty'];
const ALLOWED = new Set([200, 202, 400, 404, 409, 413]);
const ROUTES = [
  { method: 'POST', url: '/v1/updates' },
  { method: 'PUT', url: '/v1/focus' },
  { method: 'POST', url: '/v1/digest/release' },
] as const;

let core: TestCore;
let app: FastifyInstance;
let dispose: () => Promise<void>;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  const test = await createTestCore();
  core = test.core;
  dispose = test.dispose;
  // Large enough for the deep bodies, small enough that oversized ones are refused, not parsed.
  app = (await createHttpApp(core, { port: PORT, rateLimit: { max: 1e9, windowMs: 60_000 } })).app;
});
afterAll(async () => {
  await app.close();
  await dispose();
});

async function send(route: (typeof ROUTES)[number], payload: string) {
  const res = await app.inject({
    method: route.method,
    url: route.url,
    headers: {
      host: `127.0.0.1:${PORT}`,
      authorization: `Bearer ${core.token()}`,
      'content-type': 'application/json',
    },
    payload,
  });
  expect(ALLOWED.has(res.statusCode), `${res.statusCode} for ${payload.slice(0, 200)}`).toBe(true);
  expect(() => res.json()).not.toThrow();
  if (res.statusCode >= 400) expect(typeof res.json().error.message).toBe('string');
  return res;
}

function expectNoPollution() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

/** Values whose object keys are often the dangerous ones. */
const anything = fc.anything({
  key: fc.oneof(fc.string(), fc.constantFrom(...PROTO_KEYS)),
  maxDepth: 6,
  withBigInt: false,
  withNullPrototype: true,
  withObjectString: true,
});
const route = fc.constantFrom(...ROUTES);

/** JSON text for a value nested `depth` levels deep in arrays and objects. */
function nested(depth: number, key: string, leaf: string): string {
  let text = leaf;
  for (let i = 0; i < depth; i++) text = i % 2 ? `[${text}]` : `{${JSON.stringify(key)}:${text}}`;
  return text;
}

describe('request body fuzzing', () => {
  it('arbitrary values (fc.anything) as JSON', async () => {
    await fc.assert(
      fc.asyncProperty(route, anything, async (r, value) => {
        await send(r, JSON.stringify(value) ?? '');
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON values (fc.jsonValue); what POST /v1/updates accepts is exactly what the schema accepts', async () => {
    await fc.assert(
      fc.asyncProperty(route, fc.jsonValue({ maxDepth: 8 }), async (r, value) => {
        const res = await send(r, JSON.stringify(value));
        if (r.url === '/v1/updates') expect(res.statusCode === 202).toBe(parseUpdatesBody(value).success);
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('text that is rarely JSON', async () => {
    await fc.assert(
      fc.asyncProperty(route, fc.oneof(fc.string(), fc.string({ unit: 'binary' })), async (r, text) => {
        await send(r, text);
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('deep nesting, up to 200 levels, with prototype keys at every level', async () => {
    await fc.assert(
      fc.asyncProperty(
        route,
        fc.integer({ min: 1, max: 200 }),
        fc.constantFrom(...PROTO_KEYS, 'updates', 'title'),
        fc.jsonValue({ maxDepth: 2 }),
        async (r, depth, key, leaf) => {
          await send(r, nested(depth, key, JSON.stringify(leaf)));
          expectNoPollution();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('a valid update with a __proto__ or constructor.prototype payload anywhere is refused, storing nothing', async () => {
    const before = core.journal.lastSeq();
    const poison = fc.constantFrom(
      '"__proto__":{"polluted":true}',
      '"constructor":{"prototype":{"polluted":true}}',
      '"__proto__":[{"polluted":true}]',
    );
    const places = fc.constantFrom(
      (p: string) => `{"source":"ci","externalId":"p","title":"t",${p}}`,
      (p: string) => `{"source":"ci","externalId":"p","title":"t","sender":{"name":"n",${p}}}`,
      (p: string) => `{"updates":[{"source":"ci","externalId":"p","title":"t",${p}}]}`,
      (p: string) => `{${p},"active":true}`,
    );
    await fc.assert(
      fc.asyncProperty(route, poison, places, async (r, p, place) => {
        const res = await send(r, place(p));
        expect(res.statusCode).toBe(400);
        expectNoPollution();
      }),
      { numRuns: 60 },
    );
    expect(core.journal.lastSeq()).toBe(before);
  });

  it('arbitrary path segments on DELETE /v1/updates/{source}/{externalId}, malformed escapes too', async () => {
    const segment = fc.oneof(
      fc.string({ maxLength: 600 }).map(encodeURIComponent),
      fc.constantFrom('%', '%E0%A4%A', '%00', '..', '%2F..%2F', '__proto__', 'constructor'),
    );
    await fc.assert(
      fc.asyncProperty(segment, segment, async (source, externalId) => {
        const res = await app.inject({
          method: 'DELETE',
          url: `/v1/updates/${source}/${externalId}`,
          headers: { host: `127.0.0.1:${PORT}`, authorization: `Bearer ${core.token()}` },
        });
        expect([200, 400, 404]).toContain(res.statusCode);
        const body = res.json();
        expect(typeof (body.error?.message ?? body.id)).toBe('string');
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });

  it('arbitrary query strings on GET /v1/updates', async () => {
    const query = fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom(...PROTO_KEYS, 'status', 'limit')),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const search = Object.entries(params)
          .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
          .join('&');
        const res = await app.inject({
          method: 'GET',
          url: `/v1/updates?${search}`,
          headers: { host: `127.0.0.1:${PORT}`, authorization: `Bearer ${core.token()}` },
        });
        expect([200, 400]).toContain(res.statusCode);
        expectNoPollution();
      }),
      { numRuns: RUNS },
    );
  });
});
