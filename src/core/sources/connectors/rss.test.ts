import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createFakeClock } from '../../../../test/helpers/fake-clock';
import { journalItems, startTestCore, type TestCore } from '../../../../test/helpers/test-core';
import { computeDeadline } from '../../../shared/deadline';
import type { InboxItem } from '../../../shared/schemas';

const FEEDS = path.resolve(__dirname, '../../../../test/fixtures/feeds');
const fixture = (name: string) => readFileSync(path.join(FEEDS, name), 'utf8');
const T0 = Date.UTC(2025, 8, 3, 12, 0); // Wednesday 3 September 2025, 12:00 UTC

interface Served {
  body: string;
  etag?: string;
  lastModified?: string;
}

/** Serves feeds on 127.0.0.1 and answers conditional GETs like a well-behaved server. */
async function feedServer(routes: Record<string, Served>) {
  const requests: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    const served = routes[req.url ?? ''];
    if (!served) return res.writeHead(404).end('not here');
    const fresh =
      (served.etag && req.headers['if-none-match'] === served.etag) ||
      (!served.etag && served.lastModified && req.headers['if-modified-since'] === served.lastModified);
    const headers = {
      'content-type': 'application/rss+xml; charset=utf-8',
      ...(served.etag ? { etag: served.etag } : {}),
      ...(served.lastModified ? { 'last-modified': served.lastModified } : {}),
    };
    if (fresh) return res.writeHead(304, headers).end();
    res.writeHead(200, headers).end(served.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { url: (route: string) => `http://127.0.0.1:${port}${route}`, requests, routes };
}

const startCore = () => startTestCore({ clock: createFakeClock(T0) });

const items = journalItems;
const latest = (core: TestCore) => {
  const byId = new Map<string, InboxItem>();
  for (const item of items(core)) byId.set(item.id, item);
  return byId;
};

async function addFeed(core: TestCore, url: string, name = 'Handbook') {
  const view = await core.sources.save({ source: { kind: 'rss', name, options: { url } } });
  return { id: view.source.id, status: await core.sources.checkNow(view.source.id) };
}

describe('RSS/Atom source', () => {
  it('turns new entries into doc items through ingest, with a working-time deadline', async () => {
    const server = await feedServer({ '/feed.xml': { body: fixture('rss2.xml'), etag: '"v1"' } });
    const core = await startCore();
    const { id, status } = await addFeed(core, server.url('/feed.xml'));

    expect(status).toMatchObject({ state: 'ok', lastError: null, lastSuccessAt: T0 });
    const byId = latest(core);
    expect([...byId.keys()].sort()).toEqual([
      `${id}/handbook-2025-09-01-oncall`,
      `${id}/handbook-2025-09-02-rfc-async`,
    ]);
    const oncall = byId.get(`${id}/handbook-2025-09-01-oncall`)!;
    expect(oncall).toMatchObject({
      source: id,
      channel: 'doc',
      title: 'On-call rota moves to weekly handovers',
      sender: { name: 'Ana Lima' },
      snippet: 'From October, on-call hands over on Mondays at 10:00 & the rota is weekly.',
      url: 'https://handbook.example.com/decisions/oncall-weekly',
      receivedAt: Date.UTC(2025, 8, 1, 10, 0),
    });
    // 24 working hours from Monday 10:00 (Mon–Fri 09:00–17:00 UTC) is Thursday 10:00.
    expect(oncall.deadline).toBe(Date.UTC(2025, 8, 4, 10, 0));
    const rfc = byId.get(`${id}/handbook-2025-09-02-rfc-async`)!;
    expect(rfc.url).toBe(server.url('/rfcs/async-standups'));
    expect(rfc.sender).toEqual({ name: 'Bo Chen' });
    expect(rfc.deadline).toBe(
      computeDeadline(
        { receivedAt: rfc.receivedAt, channel: 'doc', priority: 'normal' },
        core.settings.get().charter,
        core.calendar(),
      ),
    );
  });

  it('sends validators on the next poll and changes nothing on 304', async () => {
    const server = await feedServer({
      '/feed.xml': { body: fixture('rss2.xml'), etag: '"v1"', lastModified: 'Wed, 03 Sep 2025 11:00:00 GMT' },
    });
    const core = await startCore();
    const { id } = await addFeed(core, server.url('/feed.xml'));
    const before = core.journal.lastSeq();

    const status = await core.sources.checkNow(id);
    expect(status.state).toBe('ok');
    expect(core.journal.lastSeq()).toBe(before);
    const last = server.requests.at(-1)!;
    expect(last.headers['if-none-match']).toBe('"v1"');
    expect(last.headers['if-modified-since']).toBe('Wed, 03 Sep 2025 11:00:00 GMT');
  });

  it('a changed entry updates its item, a new one is added, an unchanged one is not sent again', async () => {
    const server = await feedServer({ '/feed.xml': { body: fixture('rss2.xml'), lastModified: 'A' } });
    const core = await startCore();
    const { id } = await addFeed(core, server.url('/feed.xml'));
    const firstCount = items(core).length;
    server.routes['/feed.xml'] = { body: fixture('rss2-updated.xml'), lastModified: 'B' };

    await core.sources.checkNow(id);
    const sent = items(core).slice(firstCount);
    expect(sent.map((item) => item.externalId).sort()).toEqual([
      'handbook-2025-09-02-rfc-async',
      'handbook-2025-09-03-travel',
    ]);
    const byId = latest(core);
    expect(byId.size).toBe(3);
    const rfc = byId.get(`${id}/handbook-2025-09-02-rfc-async`)!;
    expect(rfc.title).toBe('RFC: async stand-ups (revised)');
    expect(rfc.receivedAt).toBe(Date.UTC(2025, 8, 2, 8, 30));
  });

  it('reads Atom and RDF feeds too, on the channel the source names', async () => {
    const server = await feedServer({
      '/atom': { body: fixture('atom.xml') },
      '/rdf': { body: fixture('rdf.xml') },
    });
    const core = await startCore();
    const atom = await core.sources.save({
      source: { kind: 'rss', name: 'Design docs', channel: 'review', options: { url: server.url('/atom') } },
    });
    const rdf = await addFeed(core, server.url('/rdf'), 'Wiki');
    await core.sources.checkNow(atom.source.id);

    const byId = latest(core);
    expect(
      byId.get(`${atom.source.id}/${encodeURIComponent('tag:docs.example.com,2025:search-v2')}`),
    ).toMatchObject({
      channel: 'review',
      title: 'Search <v2> design review',
      sender: { name: 'Dee Park' },
      url: 'https://docs.example.com/search-v2',
      receivedAt: Date.UTC(2025, 8, 2, 11, 0),
    });
    const wiki = [...byId.values()].find((item) => item.source === rdf.id);
    expect(wiki).toMatchObject({
      externalId: 'https://wiki.example.com/Onboarding?rev=42',
      channel: 'doc',
      sender: { name: 'Eli Novak' },
      receivedAt: Date.UTC(2025, 8, 2, 7, 45),
    });
  });

  it('malformed XML is a clear source error; the app and the other sources carry on', async () => {
    const server = await feedServer({
      '/broken.xml': { body: fixture('malformed.xml') },
      '/feed.xml': { body: fixture('rss2.xml') },
      '/page': { body: '<!doctype html><html><body>Hello</body></html>' },
    });
    const core = await startCore();
    const broken = await addFeed(core, server.url('/broken.xml'), 'Broken');
    const page = await addFeed(core, server.url('/page'), 'Not a feed');
    const good = await addFeed(core, server.url('/feed.xml'), 'Good');

    expect(broken.status).toMatchObject({
      state: 'error',
      lastError: `The feed at ${server.url('/broken.xml')} is not valid XML`,
      lastSuccessAt: null,
    });
    expect(broken.status.nextPollAt).toBeGreaterThan(T0);
    expect(page.status.lastError).toBe(`The feed at ${server.url('/page')} is not an RSS, Atom or RDF feed`);
    expect(good.status.state).toBe('ok');
    expect(items(core).every((item) => item.source === good.id)).toBe(true);
    expect(items(core)).toHaveLength(2);
    const missing = await addFeed(core, server.url('/gone.xml'), 'Gone');
    expect(missing.status.lastError).toBe(`The feed at ${server.url('/gone.xml')} answered 404 Not Found`);
  });
});
