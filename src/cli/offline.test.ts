import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeNext, describeRelease } from './commands/digest';
import { describeFocus, focusRequest } from './commands/focus';
import { describeItems, overdueItems } from './commands/inbox';
import { splitJsonInput, withDefaults } from './commands/push';
import { type CliIo, EXIT } from './io';
import { main } from './main';
import { parseDuration, untilLocalTime } from './time';

/** Everything here runs without a Lull app; cli.test.ts runs the commands against a real one. */

/** Friday 2026-11-20 10:00 in Berlin (09:00 UTC). */
const NOW = Date.parse('2026-11-20T09:00:00Z');
const io = (now = NOW, zone = 'Europe/Berlin'): CliIo => ({
  env: {},
  stdout: { write: () => true },
  stderr: { write: () => true },
  stdin: Readable.from([]),
  cwd: '/',
  now: () => now,
  zone,
  locale: 'en-GB',
});
const ctx = { now: NOW, zone: 'Europe/Berlin', locale: 'en-GB' };

describe('focus arguments', () => {
  it.each([
    ['45m', 45],
    ['90', 90],
    ['2h', 120],
    ['1h30m', 90],
    ['1h30', 90],
    ['25min', 25],
    ['24h', 1440],
  ])('reads %s as %i minutes', (text, minutes) => expect(parseDuration(text)).toBe(minutes));

  it.each(['0', '24h1m', 'soon', '', 'h', '-5'])('refuses "%s"', (text) => {
    expect(() => parseDuration(text)).toThrow(/not a focus length/);
  });

  it('resolves HH:mm to today in the local zone, or tomorrow once it has passed', () => {
    expect(untilLocalTime('14:00', io())).toBe('2026-11-20T14:00:00+01:00');
    expect(untilLocalTime('9:30', io())).toBe('2026-11-21T09:30:00+01:00');
    expect(untilLocalTime('10:00', io())).toBe('2026-11-21T10:00:00+01:00');
  });

  it('resolves a time in a spring-forward gap to the gap end (New York, 2026-03-08)', () => {
    const night = Date.parse('2026-03-08T05:00:00Z'); // 00:00 EST
    expect(untilLocalTime('02:30', io(night, 'America/New_York'))).toBe('2026-03-08T03:00:00-04:00');
  });

  it('maps the focus verbs to request bodies', () => {
    expect(focusRequest([], io())).toBeNull();
    expect(focusRequest(['status'], io())).toBeNull();
    expect(focusRequest(['on'], io())).toEqual({ active: true });
    expect(focusRequest(['on', '45m'], io())).toEqual({ active: true, minutes: 45 });
    expect(focusRequest(['on', 'until', '14:00'], io())).toEqual({
      active: true,
      until: '2026-11-20T14:00:00+01:00',
    });
    expect(focusRequest(['until', 'block-end'], io())).toEqual({ active: true, until: 'block-end' });
    expect(focusRequest(['off'], io())).toEqual({ active: false });
    expect(() => focusRequest(['off', 'now'], io())).toThrow(/Unexpected "now"/);
  });
});

describe('focus text', () => {
  // The tray's and the window's label (formatFocusLabel), with the next block's time while off.
  it.each([
    [{ active: true, until: '2026-11-20T10:00:00Z' }, 'Focus on · until 11:00'],
    [{ active: true, until: null }, 'Focus on'],
    [
      { active: true, cause: 'schedule', ruleName: 'Deep work', until: '2026-11-20T10:00:00Z' },
      'Focus on · Deep work until 11:00',
    ],
    [{ active: false, until: null }, 'Focus off'],
    [
      { active: false, nextBlock: { start: '2026-11-23T08:00:00Z', name: 'Deep work' } },
      'Focus off · next block Mon 09:00',
    ],
    [{ active: false, skipping: true, nextBlock: { start: '2026-11-21T08:00:00Z' } }, 'Skipping this block'],
  ] as const)('%j reads "%s"', (status, text) => expect(describeFocus(status, ctx)).toBe(text));
});

describe('push --json', () => {
  it('takes a following word as the input file and a bare --json as the output switch', () => {
    expect(splitJsonInput(['--json', 'a.json'])).toEqual({ input: 'a.json', rest: [] });
    expect(splitJsonInput(['--json', '-', '--data-dir', 'd'])).toEqual({
      input: '-',
      rest: ['--data-dir', 'd'],
    });
    expect(splitJsonInput(['--json=b.json', '--json'])).toEqual({ input: 'b.json', rest: ['--json'] });
    expect(splitJsonInput(['Title', '--json'])).toEqual({ input: null, rest: ['Title', '--json'] });
    expect(splitJsonInput(['Title', '--json', '--urgent'])).toEqual({
      input: null,
      rest: ['Title', '--json', '--urgent'],
    });
  });

  it('fills a default source and a fresh id, keeping what the file gives', () => {
    const body = withDefaults([{ title: 'a' }, { source: 'rss', externalId: '1', title: 'b' }]) as {
      updates: Record<string, string>[];
    };
    expect(body.updates[0]).toMatchObject({ source: 'cli', title: 'a', externalId: expect.any(String) });
    expect(body.updates[1]).toEqual({ source: 'rss', externalId: '1', title: 'b' });
    expect(withDefaults({ updates: [{ title: 'c' }] })).toMatchObject({ updates: [{ source: 'cli' }] });
    expect(withDefaults('nonsense')).toBe('nonsense');
  });
});

describe('digest and inbox text', () => {
  it('describes a release', () => {
    const headline = '3 updates · 2 due today — next: Build failed (chat), due 11:00';
    expect(describeRelease({ released: 3, digest: { headline } })).toBe(`Released 3 updates: ${headline}`);
    expect(describeRelease({ released: 1, digest: { headline: 'h' } })).toBe('Released 1 update: h');
    expect(describeRelease({ released: 0, digest: null })).toBe('Nothing was held');
  });

  it('describes the next summary in local time', () => {
    expect(describeNext({ heldCount: 4, nextReleaseAt: '2026-11-20T12:00:00Z' }, io())).toBe(
      '4 held · next summary 13:00',
    );
    expect(describeNext({ heldCount: 1, nextReleaseAt: '2026-11-23T08:00:00Z' }, io())).toBe(
      '1 held · next summary Mon 09:00',
    );
    expect(describeNext({ heldCount: 2, nextReleaseAt: null }, io())).toBe('2 held · no summary scheduled');
    expect(describeNext({ heldCount: 0, nextReleaseAt: null }, io())).toBe('Nothing is held');
  });

  const items = [
    {
      id: 'ci/1',
      title: 'Build failed',
      channel: 'chat',
      deadline: '2026-11-20T07:00:00Z',
      sender: { name: 'CI' },
    },
    { id: 'mail/2', title: 'Invoice', channel: 'email', deadline: '2026-11-20T06:00:00Z', held: true },
    { id: 'gh/3', title: 'Review', channel: 'review', deadline: '2026-11-20T15:00:00Z', held: true },
  ];

  it('lists items with their due phrase, marking held ones', () => {
    const all = { held: false, overdue: false };
    expect(describeItems(items, all, io()).split('\n')).toEqual([
      'overdue by 2 h · 08:00 · Build failed — CI (chat) · ci/1',
      'overdue by 3 h · 07:00 · Invoice (email) · mail/2 · held',
      'due in 6 h · 16:00 · Review (review) · gh/3 · held',
    ]);
    expect(describeItems(items.slice(0, 1), all, io(), 5)).toMatch(
      /\n… 4 more \(--limit N shows up to 500\)$/,
    );
    expect(describeItems([], all, io())).toBe('Lull has no updates');
    expect(describeItems([], { held: true, overdue: false }, io())).toBe('Nothing is held');
    expect(describeItems([], { held: false, overdue: true }, io())).toBe('Nothing is overdue');
  });

  it('picks the overdue ones, most overdue first', () => {
    expect(overdueItems(items, NOW).map((item) => item.id)).toEqual(['mail/2', 'ci/1']);
    expect(overdueItems([{ id: 'x' }], NOW)).toEqual([]);
  });
});

/** `main` with captured output; no app is needed for help and usage errors. */
async function runCli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    ...io(),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('help', () => {
  it('prints usage for lull --help and each command', async () => {
    const top = await runCli(['--help']);
    expect(top).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(top.stdout).toMatch(/^Usage: lull <command>/);
    for (const command of ['push', 'focus', 'digest', 'inbox', 'status']) {
      const result = await runCli([command, '--help']);
      expect(result.code, command).toBe(EXIT.ok);
      expect(result.stdout, command).toMatch(/^Usage: lull /);
    }
  });

  it('exits 1 on an unknown command', async () => {
    const result = await runCli(['fly']);
    expect(result.code).toBe(EXIT.usage);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^Unknown command "fly": run `lull --help` for the list\n$/);
  });
});
