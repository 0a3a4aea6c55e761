import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createFakeClock } from '../../../../test/helpers/fake-clock';
import { startTestCore, type TestCore } from '../../../../test/helpers/test-core';
import { dispatchCommand } from '../../../shared/contract';
import type { InboxItem } from '../../../shared/schemas';
import { apiBase, channelForReason } from './github';

const GITHUB = path.resolve(__dirname, '../../../../test/fixtures/feeds/github');
const fixture = (name: string) => readFileSync(path.join(GITHUB, name), 'utf8');
const T0 = Date.UTC(2025, 8, 1, 13, 0); // Monday 1 September 2025, 13:00 UTC
const TOKEN = 'ghp_test0000000000000000000000000000secret';

type Mode = 'ok' | 'rate-limited' | 'secondary-limit';

/**
 * Follows GitHub's documented notifications contract on 127.0.0.1 (Enterprise layout, /api/v3):
 * Bearer token or 401, Last-Modified and If-Modified-Since → 304, X-Poll-Interval on every answer,
 * rate-limit 403s, and PATCH /notifications/threads/{id} → 205.
 */
async function githubServer(now: () => number) {
  const state = {
    mode: 'ok' as Mode,
    body: fixture('notifications.json'),
    lastModified: 'Mon, 01 Sep 2025 12:40:11 GMT',
    pollInterval: 60,
    requests: [] as { method: string; url: string; headers: IncomingHttpHeaders }[],
  };
  const server = createServer((req, res) => {
    state.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const common = { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3' };
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      return res.writeHead(401, common).end(fixture('401-bad-credentials.json'));
    }
    const reset = Math.floor((now() + 65 * 60_000) / 1000);
    if (state.mode === 'rate-limited') {
      const limits = {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
      };
      return res.writeHead(403, { ...common, ...limits }).end(fixture('403-rate-limit.json'));
    }
    if (state.mode === 'secondary-limit') {
      return res
        .writeHead(403, { ...common, 'retry-after': '120' })
        .end('{"message":"You have exceeded a secondary rate limit."}');
    }
    const thread = /^\/api\/v3\/notifications\/threads\/(\d+)$/.exec(req.url ?? '');
    if (req.method === 'PATCH' && thread) return res.writeHead(205).end();
    if (req.method !== 'GET' || !req.url?.startsWith('/api/v3/notifications?'))
      return res.writeHead(404).end();
    const polling = { 'x-poll-interval': String(state.pollInterval), 'last-modified': state.lastModified };
    if (req.headers['if-modified-since'] === state.lastModified) return res.writeHead(304, polling).end();
    res.writeHead(200, { ...common, ...polling }).end(state.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { state, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function setup(options: { markReadOnDone?: boolean; token?: string; pollMinutes?: number } = {}) {
  const clock = createFakeClock(T0);
  const core = await startTestCore({ clock });
  const github = await githubServer(clock.now);
  const view = await core.sources.save({
    source: {
      kind: 'github',
      name: 'GitHub',
      pollMinutes: options.pollMinutes ?? 1,
      options: { baseUrl: github.baseUrl, markReadOnDone: options.markReadOnDone ?? false },
    },
    secret: options.token ?? TOKEN,
  });
  const id = view.source.id;
  return { core, clock, github, id, check: () => core.sources.checkNow(id) };
}

const items = (core: TestCore) =>
  core.journal.entries().flatMap((entry) => (entry.kind === 'item' ? [entry.item] : []));
const byExternalId = (list: InboxItem[]) => new Map(list.map((item) => [item.externalId, item]));

describe('GitHub notifications source', () => {
  it('maps threads to items: reasons to channels, thread id as threadId, pages to open', async () => {
    const { core, github, id, check } = await setup();
    const status = await check();

    expect(status).toMatchObject({ state: 'ok', lastError: null });
    const got = byExternalId(items(core));
    expect(got.size).toBe(4);
    expect(got.get('11873001234')).toMatchObject({
      id: `${id}/11873001234`,
      threadId: '11873001234',
      channel: 'review',
      title: 'Batch notifications at summary times',
      sender: { name: 'lull-team/lull' },
      snippet: 'Pull Request in lull-team/lull · review requested',
      url: 'https://github.com/lull-team/lull/pull/482',
      receivedAt: Date.parse('2025-09-01T12:40:11Z'),
    });
    expect(got.get('11873004567')).toMatchObject({
      channel: 'chat',
      url: 'https://github.com/lull-team/lull/issues/477',
    });
    expect(got.get('11872999871')).toMatchObject({
      channel: 'task',
      url: 'https://github.com/lull-team/infra/issues/91',
    });
    expect(got.get('11872990002')).toMatchObject({
      channel: 'other',
      url: 'https://github.com/lull-team/lull',
    });
    // A review request is due in the charter's 8 working hours: 12:40 Monday → 12:40 Tuesday.
    expect(got.get('11873001234')?.deadline).toBe(Date.parse('2025-09-02T12:40:11Z'));

    const sent = github.state.requests[0]!;
    expect(sent.url).toBe('/api/v3/notifications?per_page=50');
    expect(sent.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    });
  });

  it('sends If-Modified-Since, treats 304 as nothing new, and never polls sooner than X-Poll-Interval', async () => {
    const { core, github, check, clock } = await setup({ pollMinutes: 1 });
    github.state.pollInterval = 300;
    await check();
    const before = core.journal.lastSeq();

    const status = await check();
    expect(github.state.requests.at(-1)?.headers['if-modified-since']).toBe('Mon, 01 Sep 2025 12:40:11 GMT');
    expect(core.journal.lastSeq()).toBe(before);
    // One minute configured, five asked for by GitHub: five it is.
    expect(status.nextPollAt).toBe(clock.now() + 300_000);
  });

  it('new activity on a thread sends the same item again; a new thread adds one', async () => {
    const { core, github, check, id, clock } = await setup();
    await check();
    const firstCount = items(core).length;
    clock.set(T0 + 30 * 60_000);
    github.state.body = fixture('notifications-later.json');
    github.state.lastModified = 'Mon, 01 Sep 2025 13:20:00 GMT';

    await check();
    const sent = byExternalId(items(core).slice(firstCount));
    expect([...sent.keys()].sort()).toEqual(['11873004567', '11873009999']);
    expect(sent.get('11873004567')).toMatchObject({
      id: `${id}/11873004567`,
      threadId: '11873004567',
      receivedAt: Date.parse('2025-09-01T13:10:27Z'),
    });
    expect(sent.get('11873009999')).toMatchObject({
      channel: 'chat',
      url: 'https://github.com/lull-team/lull',
    });
  });

  it('a refused token is a source error in words, and the source backs off', async () => {
    const { check, clock } = await setup({ token: 'ghp_revoked' });
    const status = await check();
    expect(status.state).toBe('error');
    expect(status.lastError).toMatch(/^GitHub refused the token \(401\)/);
    expect(status.nextPollAt).toBeGreaterThan(clock.now());
  });

  it('a rate-limit 403 waits until x-ratelimit-reset and says when', async () => {
    const { github, check, clock } = await setup();
    github.state.mode = 'rate-limited';
    const status = await check();
    expect(status.lastError).toBe('GitHub rate limit reached; retrying at 14:05');
    expect(status.nextPollAt).toBe(Math.floor((T0 + 65 * 60_000) / 1000) * 1000);
    expect(status.nextPollAt).toBeGreaterThan(clock.now());

    github.state.mode = 'secondary-limit';
    const secondary = await check();
    expect(secondary.lastError).toBe('GitHub rate limit reached; retrying at 13:02');
    expect(secondary.nextPollAt).toBeGreaterThanOrEqual(T0 + 120_000);
  });

  it('marks the thread read on GitHub when the item is done in Lull, if asked to', async () => {
    const { core, github, check, id } = await setup({ markReadOnDone: true });
    await check();
    const answer = await dispatchCommand(core.handlers, 'inbox:set-state', {
      ids: [`${id}/11873001234`, 'ci/build-1'],
      state: 'done',
    });
    expect(answer.ok).toBe(true);
    await vi.waitFor(() =>
      expect(github.state.requests.filter((r) => r.method === 'PATCH').map((r) => r.url)).toEqual([
        '/api/v3/notifications/threads/11873001234',
      ]),
    );
  });

  it('reads the Enterprise base URL and the reason map as documented', () => {
    expect(apiBase('https://api.github.com')).toBe('https://api.github.com');
    expect(apiBase('https://github.example.com')).toBe('https://github.example.com/api/v3');
    expect(apiBase('https://github.example.com/api/v3/')).toBe('https://github.example.com/api/v3');
    expect(channelForReason('review_requested', 'other')).toBe('review');
    expect(channelForReason('team_mention', 'other')).toBe('chat');
    expect(channelForReason('assign', 'other')).toBe('task');
    expect(channelForReason('ci_activity', 'other')).toBe('other');
  });
});
