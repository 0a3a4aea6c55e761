import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOneLineError, runCli, startTestHost } from '../../test/helpers/cli-host';
import { MINUTE_MS } from '../shared/channels';
import { EXIT } from './io';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeEach(async () => {
  host = await startTestHost();
});
afterEach(() => host.stop());

const lull = (argv: string[], options: Parameters<typeof runCli>[1] = {}) =>
  runCli([...argv, '--data-dir', host.dataDir], options);

/** The item the core remembers under `id`, as `GET /v1/updates` lists it. */
async function knownItem(id: string) {
  const { items } = await host.core.handlers['updates:list']({ status: 'all', limit: 500 });
  return items.find(({ item }) => item.id === id)?.item;
}

describe('lull status', () => {
  it('says which Lull runs where, from runtime.json, without a token', async () => {
    const result = await lull(['status']);
    expect(result).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(result.stdout).toMatch(
      new RegExp(`^Lull \\S+ is running at ${host.api.url} \\(browser host, pid ${process.pid}, since `),
    );
    const json = await lull(['health', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: 'ok' });
  });

  it('says Lull is not running when the data dir has no runtime.json (exit 3)', async () => {
    const result = await runCli(['status', '--data-dir', host.root]);
    expect(result.code).toBe(EXIT.notRunning);
    expectOneLineError(
      result,
      /^Lull is not running \(no runtime\.json in .+\)\. Start it with `npm start`\.$/,
    );
  });

  it('says Lull is not running when runtime.json points at a closed port (exit 3)', async () => {
    const url = host.api.url;
    await host.api.close();
    const result = await lull(['focus', 'status']);
    expect(result.code).toBe(EXIT.notRunning);
    expectOneLineError(result, new RegExp(`^Lull is not running \\(no answer at ${url}\\)\\. Start it with`));
  });
});

describe('lull push', () => {
  it('queues an update from flags and prints its id and deadline', async () => {
    const result = await lull([
      'push',
      'Build 1842 failed',
      ...['--source', 'ci', '--id', 'build-1842', '--channel', 'chat', '--from', 'CI', '--handle', '@ci'],
      ...['--url', 'https://ci.example.com/1842', '--snippet', 'exit 1', '--thread', 't1', '--urgent'],
    ]);
    expect(result).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(result.stdout).toBe('Queued ci/build-1842 · due now\n');
    expect(await knownItem('ci/build-1842')).toMatchObject({
      title: 'Build 1842 failed',
      channel: 'chat',
      sender: { name: 'CI', handle: '@ci' },
      url: 'https://ci.example.com/1842',
      priority: 'urgent',
      threadId: 't1',
    });
    const again = await lull(['push', 'Build 1842 fixed', '--source', 'ci', '--id', 'build-1842']);
    expect(again.stdout).toMatch(/^Updated ci\/build-1842 · due /);
  });

  it('defaults to source cli with a random id, and prints the server JSON with a bare --json', async () => {
    const result = await lull(['push', 'Call', 'Ana', '--deadline', '2030-01-02T03:04:05Z', '--json']);
    expect(result.code).toBe(EXIT.ok);
    const body = JSON.parse(result.stdout);
    expect(body).toMatchObject({
      accepted: 1,
      items: [{ created: true, deadline: '2030-01-02T03:04:05.000Z' }],
    });
    expect(body.items[0].id).toMatch(/^cli\/[0-9a-f-]{36}$/);
    expect((await knownItem(body.items[0].id))?.title).toBe('Call Ana');
  });

  it('sends updates from a JSON file and from stdin', async () => {
    const file = path.join(host.root, 'updates.json');
    const updates = [
      { source: 'rss', externalId: 'a', title: 'First', channel: 'doc' },
      { title: 'Second, no source' },
    ];
    writeFileSync(file, JSON.stringify({ updates }));
    const fromFile = await lull(['push', '--json', 'updates.json'], { cwd: host.root });
    expect(fromFile.code).toBe(EXIT.ok);
    const lines = fromFile.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Queued rss\/a · due /);
    expect(lines[1]).toMatch(/^Queued cli\/[0-9a-f-]{36} · due /);

    const stdin = JSON.stringify({ source: 'mail', externalId: '7', title: 'Invoice', channel: 'email' });
    const fromStdin = await lull(['push', '--json', '-'], { stdin });
    expect(fromStdin).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(fromStdin.stdout).toMatch(/^Queued mail\/7 · due /);
    expect((await knownItem('mail/7'))?.channel).toBe('email');
  });

  it('refuses what the server refuses with its message (exit 2)', async () => {
    const result = await lull(['push', 'Hello', '--channel', 'pager']);
    expect(result.code).toBe(EXIT.refused);
    expectOneLineError(result, /^The update was refused: channel: /);
  });

  it.each([
    ['no title', ['push'], /^push needs a title/],
    ['both priorities', ['push', 'x', '--urgent', '--low'], /--urgent or --low/],
    ['a handle without a name', ['push', 'x', '--handle', '@a'], /--handle needs --from/],
    [
      'an unknown flag',
      ['push', 'x', '--colour', 'red'],
      /Unknown option '--colour' \(see `lull push --help`\)/,
    ],
    ['a missing file', ['push', '--json', 'nope.json'], /^Cannot read nope\.json: /],
    ['a file and a title', ['push', 'x', '--json', '-'], /drop the title/],
  ])('exits 1 on a usage error: %s', async (_name, argv, pattern) => {
    const result = await lull(argv, { cwd: host.root });
    expect(result.code).toBe(EXIT.usage);
    expectOneLineError(result, pattern);
  });

  it('exits 1 when stdin is not JSON', async () => {
    const result = await lull(['push', '--json', '-'], { stdin: '{"title": ' });
    expect(result.code).toBe(EXIT.usage);
    expectOneLineError(result, /^stdin is not valid JSON: /);
  });
});

describe('lull focus', () => {
  it('turns focus on for a while, reports it, and turns it off', async () => {
    const before = Date.now();
    const on = await lull(['focus', 'on', '1h30m']);
    expect(on).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(on.stdout).toMatch(/^Focus on · until (\w{3} )?\d\d:\d\d\n$/);
    const until = (await host.core.handlers['focus:get-status'](undefined)).until!;
    expect(until - before).toBeGreaterThanOrEqual(90 * MINUTE_MS);
    expect(until - before).toBeLessThan(91 * MINUTE_MS);

    const status = await lull(['focus', 'status']);
    expect(status.stdout).toBe(on.stdout);
    const json = JSON.parse((await lull(['focus', '--json'])).stdout);
    expect(json).toMatchObject({ active: true, cause: 'manual', until: new Date(until).toISOString() });

    const off = await lull(['focus', 'off']);
    expect(off).toMatchObject({ code: EXIT.ok, stdout: 'Focus off\n' });
    expect((await host.core.handlers['focus:get-status'](undefined)).active).toBe(false);
  });

  it('focuses until a local time, today or tomorrow, and until turned off', async () => {
    const result = await lull(['focus', 'until', '23:59']);
    expect(result.stdout).toMatch(/^Focus on · until (\w{3} )?23:59\n$/);
    const until = (await host.core.handlers['focus:get-status'](undefined)).until!;
    expect(new Date(until).toISOString()).toMatch(/T23:59:00\.000Z$/);
    expect(until).toBeGreaterThan(Date.now());
    const open = await lull(['focus', 'on']);
    expect(open.stdout).toBe('Focus on\n');
  });

  it.each([
    [['focus', 'on', 'soon'], /"soon" is not a focus length/],
    [['focus', 'on', '25h'], /up to 24h/],
    [['focus', 'until', '25:00'], /not a time of day/],
    [['focus', 'until'], /needs a time/],
    [['focus', 'sideways'], /Unknown focus command "sideways"/],
  ])('exits 1 on %j', async (argv, pattern) => {
    const result = await lull(argv);
    expect(result.code).toBe(EXIT.usage);
    expectOneLineError(result, pattern);
  });

  it("passes on the server's refusal: no block to end (exit 2)", async () => {
    const result = await lull(['focus', 'until', 'block-end']);
    expect(result.code).toBe(EXIT.refused);
    expectOneLineError(result, /^No scheduled focus block is running now$/);
  });

  it('refuses a wrong token in one line (exit 2)', async () => {
    const result = await lull(['focus', 'status'], { env: { LULL_TOKEN: 'wrong' } });
    expect(result.code).toBe(EXIT.refused);
    expectOneLineError(
      result,
      /^The token was refused: Missing or wrong bearer token .*\(token from LULL_TOKEN\)$/,
    );
  });
});

const ROOT = path.resolve(__dirname, '../..');
const BUILT = existsSync(path.join(ROOT, 'out/main/cli.js'));

/** The shipped entry as a real process: `node bin/lull.cjs …`. */
function spawnLull(argv: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/lull.cjs'), ...argv], {
    env: { PATH: process.env.PATH ?? '', HOME: host.root, TZ: 'UTC', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('bin/lull.cjs', () => {
  it.skipIf(!BUILT)(
    'runs the built CLI (skipped when out/main/cli.js is missing: run `npm run build`)',
    async () => {
      const status = await spawnLull(['status', '--data-dir', host.dataDir]);
      expect(status).toMatchObject({ code: 0, stderr: '' });
      expect(status.stdout).toContain(`is running at ${host.api.url}`);

      const focusOn = await spawnLull(['focus', 'on', '10', '--json'], { LULL_DATA_DIR: host.dataDir });
      expect(focusOn.code).toBe(0);
      expect(JSON.parse(focusOn.stdout)).toMatchObject({ active: true, cause: 'manual' });
      expect((await host.core.handlers['focus:get-status'](undefined)).active).toBe(true);

      const notRunning = await spawnLull(['focus', 'status'], { LULL_DATA_DIR: host.root });
      expect(notRunning).toMatchObject({ code: EXIT.notRunning, stdout: '' });
      expect(notRunning.stderr).toMatch(
        /^Lull is not running \(no runtime\.json in .+\)\. Start it with `npm start`\.\n$/,
      );
    },
  );
});
