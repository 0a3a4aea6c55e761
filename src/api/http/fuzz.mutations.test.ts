/**
 * Mutated bodies: a valid update (or focus request) with a few fields swapped for edge values —
 * instants at and past the ends of time, lone surrogates, odd zones, wrong types, missing and extra
 * fields. Whatever passes validation must be handled, so nothing answers 5xx, and every refusal
 * names the field. Part of the fuzz suite beside fuzz.test.ts.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore } from '../../../test/helpers/test-core';
import type { Core } from '../../core/create-core';
import { createHttpApp } from './server';

const PORT = 4680;
const RUNS = 2_000;

let core: Core;
let app: FastifyInstance;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const test = await createTestCore();
  core = test.core;
  dispose = test.dispose;
  app = (
    await createHttpApp(core, {
      port: PORT,
      version: '0.0.0-test',
      rateLimit: { max: 1e9, windowMs: 60_000 },
    })
  ).app;
});
afterAll(async () => {
  await app.close();
  await dispose();
});

const headers = () => ({
  host: `127.0.0.1:${PORT}`,
  authorization: `Bearer ${core.token()}`,
  'content-type': 'application/json',
});

const EDGE_NUMBERS = [
  8_640_000_000_000_000, // the last instant a Date can hold
  8_639_000_000_000_000, // accepted before: its deadline landed in year 275729
  8_640_000_000_000_001,
  -8_640_000_000_000_000,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  1e308,
  -1,
  0,
  1.5,
  946_684_799_999, // a millisecond before 2000
  946_684_800_000, // 2000-01-01
  7_289_654_399_999, // the end of 2200
  7_289_654_400_000, // 2201-01-01
  Date.UTC(2026, 10, 18, 9, 30),
];
const EDGE_STRINGS = [
  '\ud800x', // a lone high surrogate
  'x\udc00', // a lone low surrogate
  '\udbff\udfff', // a well-formed pair (U+10FFFF)
  '🎉 Grüße',
  '',
  '   ',
  '\u0000',
  '\u202etxt.exe',
  '%E0%A4%A',
  '../..',
  '__proto__',
  'x'.repeat(501),
  'y'.repeat(2001),
  '+275760-09-13T00:00:00.000Z',
  '9999-12-31T23:59:59Z',
  '1999-12-31T23:59:59.999Z',
  '2000-01-01T00:00:00Z',
  '2200-12-31T23:59:59.999+00:00',
  '2201-01-01T00:00:00Z',
  '2024-02-30T10:00:00Z',
  '2024-01-01T00:00:00+24:00',
  '2026-11-20T10:00:00+01:00',
  'Europe/Berlin',
  'America/St_Johns',
  'Etc/GMT+14',
  'Invalid/Zone',
  'https://example.com/\ud800',
  'https://user:pw@example.com/',
  'javascript:alert(1)',
  'email',
  'urgent',
  'block-end',
  'working-start',
];
const REMOVE = Symbol('remove');
const edgeValue = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...EDGE_NUMBERS, ...EDGE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(REMOVE, null, true, [], {}, [1], { name: 'n' }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true })) },
);

const UPDATE_FIELDS = [
  'source',
  'externalId',
  'channel',
  'title',
  'sender',
  'sender.name',
  'sender.handle',
  'sender.timeZone',
  'snippet',
  'url',
  'receivedAt',
  'deadline',
  'priority',
  'threadId',
  'extra',
];
const FOCUS_FIELDS = ['active', 'minutes', 'until', 'extra'];

function validUpdate(n: number): Record<string, unknown> {
  return {
    source: 'fuzz',
    externalId: `e${n}`,
    channel: 'chat',
    title: `Update ${n}`,
    sender: { name: 'Ana', handle: '@ana', timeZone: 'Asia/Kolkata' },
    snippet: 'A few words',
    url: 'https://example.com/x',
    receivedAt: '2026-11-18T09:00:00Z',
    deadline: Date.UTC(2026, 10, 19, 9),
    priority: 'normal',
    threadId: 't1',
  };
}

/** Sets (or with REMOVE deletes) `path` in a copy of `body`; a missing parent is made an object. */
function mutate(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let target = copy;
  for (const key of keys.slice(0, -1)) {
    if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  const last = keys.at(-1)!;
  if (value === REMOVE) delete target[last];
  else target[last] = value;
  return copy;
}

const mutations = (fields: string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...fields), edgeValue), { minLength: 1, maxLength: 3 });

const mutatedUpdate = fc
  .tuple(fc.nat({ max: 50 }), mutations(UPDATE_FIELDS))
  .map(([n, changes]) => changes.reduce((body, [path, value]) => mutate(body, path, value), validUpdate(n)));

/** One update, or a batch holding a mutated one among valid ones. */
const updateBody = fc.oneof(
  { weight: 3, arbitrary: mutatedUpdate },
  {
    weight: 1,
    arbitrary: fc
      .tuple(mutatedUpdate, fc.nat({ max: 50 }))
      .map(([bad, n]) => ({ updates: [validUpdate(n), bad] })),
  },
);
const focusBody = mutations(FOCUS_FIELDS).map((changes) =>
  changes.reduce((body, [path, value]) => mutate(body, path, value), { active: true } as Record<
    string,
    unknown
  >),
);

type Sent = { method: 'POST' | 'PUT'; url: string; body: unknown };
const request: fc.Arbitrary<Sent> = fc.oneof(
  { weight: 5, arbitrary: updateBody.map((body) => ({ method: 'POST' as const, url: '/v1/updates', body })) },
  { weight: 1, arbitrary: focusBody.map((body) => ({ method: 'PUT' as const, url: '/v1/focus', body })) },
);

/** Reads that turn stored items and focus into text: where an absurd instant used to blow up. */
async function expectReadsWork() {
  for (const url of ['/v1/updates?limit=500', '/v1/focus', '/v1/digest/next']) {
    const res = await app.inject({ method: 'GET', url, headers: headers() });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
  }
}

describe('mutated bodies', () => {
  it(`${RUNS} mutated update and focus bodies: no 5xx, every refusal names a field`, {
    timeout: 30_000,
  }, async () => {
    let run = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ method, url, body }) => {
        const payload = JSON.stringify(body);
        const res = await app.inject({ method, url, headers: headers(), payload });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        expect(
          res.statusCode,
          `${method} ${url} ${payload.slice(0, 300)} → ${res.body.slice(0, 300)}`,
        ).toBeLessThan(500);
        if (res.statusCode === 400) {
          const { error } = res.json();
          expect(typeof error.message).toBe('string');
          if (error.code !== 'invalid-json') expect(error.fields?.length ?? 0).toBeGreaterThan(0);
        }
        if (++run % 250 === 0) await expectReadsWork();
      }),
      { numRuns: RUNS },
    );
    await expectReadsWork();
    // Both sides were exercised: accepted bodies and refused ones.
    expect(statuses.get(202) ?? 0).toBeGreaterThan(50);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(50);
  });
});

describe('the inputs that answered 500', () => {
  const post = (body: unknown) =>
    app.inject({ method: 'POST', url: '/v1/updates', headers: headers(), payload: JSON.stringify(body) });

  it.each([
    ['receivedAt', 8_640_000_000_000_000],
    ['receivedAt', 8_639_000_000_000_000],
    ['receivedAt', '9999-12-31T23:59:59Z'],
    ['deadline', 8_639_000_000_000_000],
    ['deadline', '1999-12-31T23:59:59Z'],
  ])('%s %s is a 400 naming the field', async (field, value) => {
    const res = await post({ ...validUpdate(1), [field]: value });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field, message: 'must be a time in the years 2000 to 2200' }]);
  });

  it.each([
    ['externalId', '\ud800x'],
    ['title', 'x\udc00'],
    ['sender.name', '\ud800'],
    ['threadId', '\udfff'],
  ])('a lone surrogate in %s is a 400 naming the field', async (field, value) => {
    const res = await post(mutate(validUpdate(1), field, value));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual([field]);
    expect(res.json().error.message).toContain('well-formed Unicode');
  });

  it('a well-formed pair (an emoji) in the same fields is fine', async () => {
    const res = await post({ ...validUpdate(2), externalId: '🎉', title: '🎉 ok' });
    expect(res.statusCode).toBe(202);
  });

  it('a lone surrogate in a DELETE path is a 400, not a 500', async () => {
    const res = await app.inject({
      method: 'DELETE',
      // A surrogate encoded in UTF-8 (ED A0 80) is no character: decoding the path refuses it.
      url: '/v1/updates/fuzz/%ED%A0%80x',
      headers: headers(),
    });
    expect(res.statusCode).toBeLessThan(500);
  });
});
