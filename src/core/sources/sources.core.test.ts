import { promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock';
import { tempDir } from '../../../test/helpers/temp-dir';
import { createFileSecretStore, openTestCore } from '../../../test/helpers/test-core';
import { dispatchCommand } from '../../shared/contract';

import type { Logger } from '../ports';

const T0 = Date.UTC(2025, 9, 1, 10, 0); // Wednesday 1 October 2025, 10:00 UTC
const TOKEN = 'ghp_topsecret0000000000000000000000000001';
const PASSWORD = 'imap-password-that-must-not-leak';

async function startCore() {
  const dataDir = await tempDir();
  const logs: string[] = [];
  const logger: Logger = {
    info: (m) => logs.push(m),
    warn: (m) => logs.push(m),
    error: (m) => logs.push(m),
  };
  const core = await openTestCore({
    dataDir,
    clock: createFakeClock(T0),
    logger,
    secrets: createFileSecretStore(dataDir),
    version: '0.0.0-test',
    host: 'browser',
    systemZone: () => 'UTC',
  });
  onTestFinished(() => core.close());
  const events: unknown[] = [];
  core.events.on('sources:changed', (views) => events.push(views));
  await core.start();
  return { core, dataDir, logs, events };
}

/** Answers like GitHub to a revoked token, and serves a small RSS feed. */
async function originServer() {
  const server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      return res.end(
        '<rss version="2.0"><channel><title>Ops</title><item><guid>o-1</guid><title>Deploy freeze Friday</title>' +
          '<pubDate>Wed, 01 Oct 2025 09:00:00 GMT</pubDate></item></channel></rss>',
      );
    }
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Bad credentials"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('sources in the core', () => {
  it('secrets reach the SecretStore only: never settings, logs, events, the journal or sources:list', async () => {
    const { core, dataDir, logs, events } = await startCore();
    const origin = await originServer();
    const github = await dispatchCommand(core.handlers, 'sources:save', {
      source: { kind: 'github', name: 'GitHub', options: { baseUrl: origin } },
      secret: TOKEN,
    });
    const imap = await dispatchCommand(core.handlers, 'sources:save', {
      source: {
        kind: 'imap',
        name: 'Mail',
        options: { host: '127.0.0.1', port: await closedPort(), tls: false, user: 'ana@example.com' },
      },
      secret: PASSWORD,
    });
    const rss = await dispatchCommand(core.handlers, 'sources:save', {
      source: { kind: 'rss', name: 'Ops', options: { url: `${origin}/feed.xml` } },
    });
    expect([github.ok, imap.ok, rss.ok]).toEqual([true, true, true]);
    const ids = core.sources.list().map((view) => view.source.id);
    for (const id of ids) await core.sources.checkNow(id);
    const listed = await dispatchCommand(core.handlers, 'sources:list', undefined);
    const settings = await dispatchCommand(core.handlers, 'settings:get', undefined);

    const statuses = core.sources.list().map((view) => view.status.lastError);
    expect(statuses).toEqual([
      'GitHub refused the token (401): it may be expired or revoked',
      expect.stringMatching(/^The mail server 127\.0\.0\.1:\d+ refused the connection$/),
      null,
    ]);
    expect(logs.length).toBeGreaterThan(0);
    const files = (await fs.readdir(dataDir)).filter((name) => !/^source-.+-secret$/.test(name));
    const contents = await Promise.all(
      files.map(async (name) => {
        const stat = await fs.stat(path.join(dataDir, name));
        return stat.isFile() ? fs.readFile(path.join(dataDir, name), 'utf8') : '';
      }),
    );
    const everywhere = [
      JSON.stringify(listed),
      JSON.stringify(settings),
      JSON.stringify(events),
      ...logs,
      ...contents,
    ];
    for (const secret of [TOKEN, PASSWORD]) {
      for (const text of everywhere) expect(text).not.toContain(secret);
    }
    expect(files).toContain('settings.json');

    // They are where they belong: one file each, readable by the user alone.
    const stored = (await fs.readdir(dataDir)).filter((name) => /^source-.+-secret$/.test(name));
    expect(stored).toHaveLength(2);
    for (const name of stored) expect((await fs.stat(path.join(dataDir, name))).mode & 0o777).toBe(0o600);
  });

  it('source items go through routing: held during focus, with the charter deadline', async () => {
    const { core } = await startCore();
    const origin = await originServer();
    await core.focus.set({ active: true, minutes: 60 });
    const view = await core.sources.save({
      source: { kind: 'rss', name: 'Ops', options: { url: `${origin}/feed.xml` } },
    });
    await core.sources.checkNow(view.source.id);

    const item = core.journal.entries().flatMap((e) => (e.kind === 'item' ? [e.item] : []))[0];
    expect(item).toMatchObject({ title: 'Deploy freeze Friday', channel: 'doc', route: { action: 'hold' } });
    // Docs are due in 24 working hours: Wednesday 09:00 → Friday 17:00 (Mon–Fri 09:00–17:00).
    expect(item?.deadline).toBe(Date.UTC(2025, 9, 3, 17, 0));
    await vi.waitFor(() => expect(core.delivery.status().heldCount).toBe(1));
  });

  it('refuses a plaintext IMAP connection to anything but loopback, in words', async () => {
    const { core } = await startCore();
    const answer = await dispatchCommand(core.handlers, 'sources:save', {
      source: { kind: 'imap', name: 'Mail', options: { host: 'imap.example.com', tls: false, user: 'ana' } },
      secret: PASSWORD,
    });
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-payload',
        message: expect.stringContaining(
          'A connection without TLS is only allowed to 127.0.0.1 or localhost',
        ),
      },
    });
    expect(core.settings.get().sources).toEqual([]);
  });
});
