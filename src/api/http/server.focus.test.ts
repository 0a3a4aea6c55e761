/** `GET` and `PUT /v1/focus` against a real core on a fake clock, with a schedule in Berlin. */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock';
import { deepWork } from '../../../test/helpers/focus-engine';
import { createTestCore, type TestCore } from '../../../test/helpers/test-core';
import { HOUR_MS, MINUTE_MS } from '../../shared/channels';
import { createHttpApp } from './server';

const PORT = 4680;
const HOST = `127.0.0.1:${PORT}`;
// Wednesday 2026-11-18 10:00 in Berlin (+01:00): inside Deep work, 09:00–11:00.
const IN_BLOCK = Date.parse('2026-11-18T09:00:00Z');
const AFTER_BLOCK = Date.parse('2026-11-18T12:00:00Z');

let core: TestCore;
let app: FastifyInstance;
let clock: FakeClock;
let dispose: () => Promise<void>;

async function setup(now: number, withRules = true) {
  clock = createFakeClock(now);
  const test = await createTestCore({ clock });
  core = test.core;
  dispose = test.dispose;
  await core.settings.update({ timeZone: 'Europe/Berlin' });
  if (withRules) await core.handlers['settings:save-focus-rules']({ rules: [deepWork] });
  app = (await createHttpApp(core, { port: PORT })).app;
}

const headers = () => ({
  host: HOST,
  authorization: `Bearer ${core.token()}`,
  'content-type': 'application/json',
});
const get = async () => (await app.inject({ method: 'GET', url: '/v1/focus', headers: headers() })).json();
const put = (body: unknown) =>
  app.inject({ method: 'PUT', url: '/v1/focus', headers: headers(), payload: JSON.stringify(body) });

describe('GET /v1/focus', () => {
  afterEach(async () => {
    await app.close();
    await dispose();
  });

  it('answers every status field, instants as ISO 8601', async () => {
    await setup(IN_BLOCK);
    expect(await get()).toEqual({
      active: true,
      cause: 'schedule',
      ruleName: 'Deep work',
      since: '2026-11-18T08:00:00.000Z',
      until: '2026-11-18T10:00:00.000Z',
      nextChangeAt: '2026-11-18T10:00:00.000Z',
      skipping: false,
      nextBlock: { start: '2026-11-19T08:00:00.000Z', end: '2026-11-19T10:00:00.000Z', name: 'Deep work' },
    });
  });

  it('answers nulls when nothing is scheduled or on', async () => {
    await setup(AFTER_BLOCK, false);
    expect(await get()).toEqual({
      active: false,
      cause: null,
      ruleName: null,
      since: null,
      until: null,
      nextChangeAt: null,
      skipping: false,
      nextBlock: null,
    });
  });

  it('re-reads the clock, so a read right after a sleep shows the current state', async () => {
    await setup(AFTER_BLOCK);
    expect((await put({ active: true, minutes: 25 })).json().active).toBe(true);
    clock.set(AFTER_BLOCK + 3 * HOUR_MS); // no timer ran while the machine slept
    expect(await get()).toMatchObject({ active: false, cause: null });
  });
});

describe('PUT /v1/focus', () => {
  afterEach(async () => {
    await app.close();
    await dispose();
  });

  it.each([
    ['on until turned off', { active: true }, null],
    ['on for 45 minutes', { active: true, minutes: 45 }, '2026-11-18T12:45:00.000Z'],
    [
      'until an ISO instant with an offset',
      { active: true, until: '2026-11-18T15:30:00+01:00' },
      '2026-11-18T14:30:00.000Z',
    ],
    ['until epoch milliseconds', { active: true, until: AFTER_BLOCK + HOUR_MS }, '2026-11-18T13:00:00.000Z'],
    ['until tomorrow’s working start', { active: true, until: 'working-start' }, '2026-11-19T08:00:00.000Z'],
  ])('%s', async (_name, body, until) => {
    await setup(AFTER_BLOCK, false);
    const res = await put(body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      active: true,
      cause: 'manual',
      since: '2026-11-18T12:00:00.000Z',
      until,
    });
    expect(await get()).toEqual(res.json());
  });

  it('until the block ends, inside a block', async () => {
    await setup(IN_BLOCK);
    const res = await put({ active: true, until: 'block-end' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ cause: 'manual', until: '2026-11-18T10:00:00.000Z' });
  });

  it('off during a block skips it; off outside one ends a manual session', async () => {
    await setup(IN_BLOCK);
    const skipped = await put({ active: false });
    expect(skipped.statusCode).toBe(200);
    expect(skipped.json()).toMatchObject({
      active: false,
      skipping: true,
      nextChangeAt: '2026-11-19T08:00:00.000Z',
    });
    clock.advance(3 * HOUR_MS);
    await put({ active: true, minutes: 5 });
    expect((await put({ active: false })).json()).toMatchObject({ active: false, skipping: false });
  });

  it('refuses an end in the past with 400 invalid-until, naming `until`', async () => {
    await setup(AFTER_BLOCK);
    const res = await put({ active: true, until: '2026-11-18T11:59:00Z' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: {
        code: 'invalid-until',
        message: expect.stringContaining('future'),
        fields: [{ field: 'until', message: expect.stringContaining('future') }],
      },
    });
    expect(core.focus.status().active).toBe(false);
  });

  it('refuses "block-end" outside a block with 409 no-block', async () => {
    await setup(AFTER_BLOCK);
    const res = await put({ active: true, until: 'block-end' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'no-block', message: expect.any(String) } });
  });

  it('refuses "working-start" with no working day ahead with 409 no-working-hours', async () => {
    await setup(AFTER_BLOCK);
    // Settings insist on working hours, so only holidays as far as the search looks leave none.
    const days = Array.from({ length: 1200 }, (_, i) => AFTER_BLOCK + i * 86_400_000);
    await core.settings.update({ holidays: days.map((at) => new Date(at).toISOString().slice(0, 10)) });
    const res = await put({ active: true, until: 'working-start' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('no-working-hours');
  });

  it.each([
    ['a non-boolean active', { active: 'yes' }, 'active'],
    ['minutes and until together', { active: true, minutes: 30, until: 'block-end' }, 'until'],
    ['an unknown named end', { active: true, until: 'lunch' }, 'until'],
    ['an instant without a zone', { active: true, until: '2026-11-18T15:30:00' }, 'until'],
    ['zero minutes', { active: true, minutes: 0 }, 'minutes'],
    ['minutes when turning off', { active: false, minutes: 5 }, '(body)'],
  ])('refuses %s with 400 naming the field', async (_name, body, field) => {
    await setup(AFTER_BLOCK);
    const res = await put(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid-focus');
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(core.focus.status().active).toBe(false);
  });

  it('turning on for a while records the session once', async () => {
    await setup(AFTER_BLOCK);
    await put({ active: true, minutes: 30 });
    clock.advance(30 * MINUTE_MS);
    await core.journal.append([]);
    const types = core.journal.entries().flatMap((e) => (e.kind === 'event' ? [e.event.type] : []));
    expect(types.filter((t) => t.startsWith('focus-'))).toEqual(['focus-started', 'focus-ended']);
  });
});
