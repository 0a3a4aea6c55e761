/** `lull digest` and `lull inbox` against a real running core: output and exit codes. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOneLineError, runCli, startTestHost } from '../../test/helpers/cli-host';
import { EXIT } from './io';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeEach(async () => {
  host = await startTestHost();
});
afterEach(() => host.stop());

const lull = (argv: string[]) => runCli([...argv, '--data-dir', host.dataDir]);
const HH_MM = '(\\w{3} )?\\d\\d:\\d\\d';

async function holdTwo() {
  expect((await lull(['focus', 'on', '2h'])).code).toBe(EXIT.ok);
  await lull(['push', 'Invoice', '--source', 'mail', '--id', 'm1', '--channel', 'email', '--from', 'Bo']);
  await lull(['push', 'Review #212', '--source', 'gh', '--id', 'pr-212', '--channel', 'review']);
  expect((await host.core.handlers['digest:peek'](undefined)).heldCount).toBe(2);
}

describe('lull digest', () => {
  it('next and now with nothing held', async () => {
    expect(await lull(['digest', 'next'])).toEqual({
      code: EXIT.ok,
      stdout: 'Nothing is held\n',
      stderr: '',
    });
    expect(await lull(['digest', 'now'])).toEqual({
      code: EXIT.ok,
      stdout: 'Nothing was held\n',
      stderr: '',
    });
  });

  it('says how many are held and when the next summary comes, then releases them', async () => {
    await holdTwo();
    const next = await lull(['digest', 'next']);
    expect(next).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(next.stdout).toMatch(new RegExp(`^2 held · next summary ${HH_MM}\\n$`));
    const json = JSON.parse((await lull(['digest', 'next', '--json'])).stdout);
    expect(json).toMatchObject({ heldCount: 2, items: [{ id: 'gh/pr-212' }, { id: 'mail/m1' }] });

    const now = await lull(['digest', 'now']);
    expect(now).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(now.stdout).toMatch(
      /^Released 2 updates: 2 updates( · \d due today)? — next: Review #212 \(code review\), due /,
    );
    expect((await host.core.handlers['digest:peek'](undefined)).heldCount).toBe(0);
    expect(JSON.parse((await lull(['digest', 'now', '--json'])).stdout)).toEqual({
      released: 0,
      digest: null,
    });
  });

  it.each([
    [['digest'], /^digest needs now or next$/],
    [['digest', 'later'], /^Unknown digest command "later": use now or next$/],
    [['digest', 'now', 'please'], /^Unexpected "please" after `digest now`$/],
  ])('exits 1 on %j', async (argv, pattern) => {
    const result = await lull(argv);
    expect(result.code).toBe(EXIT.usage);
    expectOneLineError(result, pattern);
  });
});

describe('lull inbox', () => {
  it('lists what the core knows, newest first, with due times; --held and --limit', async () => {
    expect(await lull(['inbox'])).toEqual({ code: EXIT.ok, stdout: 'Lull has no updates\n', stderr: '' });
    await lull(['push', 'Build failed', '--source', 'ci', '--id', '1', '--urgent', '--from', 'CI']);
    await holdTwo();
    const all = await lull(['inbox']);
    expect(all).toMatchObject({ code: EXIT.ok, stderr: '' });
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^due in \d+ (h|d) · .+ · Review #212 \(review\) · gh\/pr-212 · held$/);
    expect(lines[1]).toMatch(/ · Invoice — Bo \(email\) · mail\/m1 · held$/);
    expect(lines[2]).toMatch(/^due now · \d\d:\d\d · Build failed — CI \(other\) · ci\/1$/);

    const held = (await lull(['inbox', '--held'])).stdout.trimEnd().split('\n');
    expect(held.map((line) => line.split(' · ').at(-1))).toEqual(['gh/pr-212', 'mail/m1']);
    const limited = (await lull(['inbox', '--limit', '1'])).stdout.trimEnd().split('\n');
    expect(limited).toHaveLength(2);
    expect(limited[1]).toBe('… 2 more (--limit N shows up to 500)');
    const json = JSON.parse((await lull(['inbox', '--held', '--json'])).stdout);
    expect(json).toMatchObject({ total: 2, items: [{ id: 'gh/pr-212', held: true }, { id: 'mail/m1' }] });
  });

  it('--overdue lists only what is past its reply-by time, most overdue first', async () => {
    expect((await lull(['inbox', '--overdue'])).stdout).toBe('Nothing is overdue\n');
    const past = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    await lull(['push', 'Older', '--source', 's', '--id', 'a', '--deadline', past(5)]);
    await lull(['push', 'Newer', '--source', 's', '--id', 'b', '--deadline', past(1)]);
    await lull(['push', 'Not yet', '--source', 's', '--id', 'c']);
    const result = await lull(['inbox', '--overdue']);
    expect(result).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(result.stdout).toMatch(
      /^overdue by 5 h · .+ · Older \(other\) · s\/a\noverdue by 1 h · .+ · Newer \(other\) · s\/b\n$/,
    );
    expect(JSON.parse((await lull(['inbox', '--overdue', '--limit', '1', '--json'])).stdout)).toMatchObject({
      total: 2,
      items: [{ id: 's/a' }],
    });
  });

  it.each([
    [['inbox', '--limit', '0'], /^--limit must be a whole number from 1 to 500$/],
    [['inbox', '--limit', '501'], /^--limit must be a whole number from 1 to 500$/],
    [['inbox', 'all'], /^Unexpected "all" after `inbox`$/],
    [['inbox', '--done'], /^Unknown option '--done'/],
  ])('exits 1 on %j', async (argv, pattern) => {
    const result = await lull(argv);
    expect(result.code).toBe(EXIT.usage);
    expectOneLineError(result, pattern);
  });

  it('refuses a wrong token in one line (exit 2)', async () => {
    const result = await runCli(['inbox', '--data-dir', host.dataDir], { env: { LULL_TOKEN: 'wrong' } });
    expect(result.code).toBe(EXIT.refused);
    expectOneLineError(result, /^The token was refused: /);
  });
});

describe('against an older Lull without these endpoints', () => {
  it.each([
    [['digest', 'now'], '`digest now`'],
    [['digest', 'next'], '`digest next`'],
    [['inbox', '--overdue'], '`inbox`'],
  ])('%j says it is not supported (exit 2)', async (argv, name) => {
    const old = http.createServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'not-found', message: 'No such endpoint' } }));
    });
    await new Promise<void>((resolve) => old.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(old.address() as AddressInfo).port}`;
      const result = await runCli([...argv, '--api-url', url], { env: { LULL_TOKEN: 'any' } });
      expect(result.code).toBe(EXIT.refused);
      expectOneLineError(result, new RegExp(`^This Lull version does not support ${name} yet$`));
    } finally {
      await new Promise((resolve) => old.close(resolve));
    }
  });
});
