import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createFakeClock, type FakeClock } from '../../../test/helpers/fake-clock';
import { tempDir } from '../../../test/helpers/temp-dir';
import { createFileSecretStore } from '../../../test/helpers/test-core';
import { HOUR_MS, MINUTE_MS } from '../../shared/channels';
import type { UpdateInput } from '../../shared/schemas';
import type { SourceDraft } from '../../shared/source-schemas';
import { silentLogger } from '../ports';
import { createSettingsStore } from '../settings/settings-store';
import { backoffDelay, MAX_BACKOFF_MS, seededRandom } from './backoff';
import { CURSORS_FILE } from './cursor-store';
import { createSourcesService, secretNameFor } from './sources-service';
import { type Connector, type ConnectorContext, SourceError } from './types';

const T0 = Date.UTC(2025, 8, 1, 13, 0);
const feed = (name: string, extra: Partial<SourceDraft> = {}): SourceDraft =>
  ({ kind: 'rss', name, options: { url: `https://feeds.example.com/${name}` }, ...extra }) as SourceDraft;

const update = (source: string, externalId: string): UpdateInput => ({
  source,
  externalId,
  channel: 'doc',
  title: `Entry ${externalId}`,
  priority: 'normal',
});

async function setup(
  connectors: Partial<Record<'rss' | 'github' | 'imap', Connector>>,
  seed = 7,
  logs?: string[],
) {
  const dataDir = await tempDir();
  const logger = logs
    ? { info: () => {}, warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) }
    : silentLogger;
  const clock = createFakeClock(T0);
  const settings = await createSettingsStore({ dataDir, clock, logger: silentLogger });
  const secrets = createFileSecretStore(dataDir);
  const ingested: UpdateInput[] = [];
  const sources = await createSourcesService({
    dataDir,
    clock,
    logger,
    secrets,
    settings,
    ingest: async (updates) => {
      ingested.push(...updates);
    },
    zone: () => 'UTC',
    random: seededRandom(seed),
    connectors,
  });
  onTestFinished(() => sources.close());
  sources.start();
  return { dataDir, clock, settings, secrets, sources, ingested };
}

/** Lets the clock run to the next poll of `id` and waits for that poll to settle. */
async function runToNextPoll(
  clock: FakeClock,
  sources: { list(): { status: { id: string; nextPollAt: number | null } }[] },
  id: string,
) {
  const next = sources.list().find((v) => v.status.id === id)?.status.nextPollAt;
  if (next == null) throw new Error('no poll armed');
  clock.advance(next - clock.now());
  await vi.waitFor(() =>
    expect(sources.list().find((v) => v.status.id === id)?.status.nextPollAt).not.toBe(next),
  );
}

describe('sources service', () => {
  it('backs off exponentially with jitter, capped at an hour, and recovers on success', async () => {
    let failing = true;
    const polls: number[] = [];
    const connector: Connector = {
      async poll(ctx) {
        polls.push(ctx.now());
        if (failing) throw new SourceError('The feed is down');
        return { updates: [], cursor: null };
      },
    };
    const { clock, sources } = await setup({ rss: connector });
    const { source } = await sources.save({ source: feed('down') });
    await vi.waitFor(() => expect(sources.list()[0]?.status.state).toBe('error'));

    const waits: number[] = [];
    for (let failure = 1; failure <= 8; failure++) {
      const status = sources.list()[0]!.status;
      expect(status).toMatchObject({ state: 'error', lastError: 'The feed is down' });
      const wait = status.nextPollAt! - clock.now();
      const nominal = Math.min(MAX_BACKOFF_MS, 5 * MINUTE_MS * 2 ** (failure - 1));
      expect(wait).toBeGreaterThanOrEqual(Math.min(MAX_BACKOFF_MS, nominal * 0.75));
      expect(wait).toBeLessThanOrEqual(Math.min(MAX_BACKOFF_MS, nominal * 1.25));
      waits.push(wait);
      await runToNextPoll(clock, sources, source.id);
    }
    // Seeded: the same seed gives the same delays as the pure function.
    const random = seededRandom(7);
    expect(waits).toEqual(Array.from({ length: 8 }, (_, i) => backoffDelay(i + 1, 5 * MINUTE_MS, random)));
    expect(Math.max(...waits)).toBeLessThanOrEqual(HOUR_MS);
    expect(new Set(waits.map((w) => w / (5 * MINUTE_MS * 2 ** waits.indexOf(w)))).size).toBeGreaterThan(1);

    failing = false;
    await runToNextPoll(clock, sources, source.id);
    expect(sources.list()[0]!.status).toMatchObject({
      state: 'ok',
      lastError: null,
      lastSuccessAt: clock.now(),
      nextPollAt: clock.now() + 5 * MINUTE_MS,
    });
  });

  it('a hanging source neither blocks another nor itself: it times out and retries', async () => {
    const hanging: Connector = { poll: () => new Promise(() => {}) };
    const working: Connector = {
      async poll(ctx) {
        return { updates: [update(ctx.source.id, 'a')], cursor: { n: 1 } };
      },
    };
    const { clock, sources, ingested } = await setup({ github: hanging, rss: working });
    const stuck = await sources.save({
      source: { kind: 'github', name: 'Stuck', options: {} },
      secret: 'ghp_x',
    });
    const fine = await sources.save({ source: feed('fine') });

    await vi.waitFor(() => expect(ingested.map((u) => u.source)).toEqual([fine.source.id]));
    const status = (id: string) => sources.list().find((v) => v.source.id === id)!.status;
    expect(status(stuck.source.id).state).toBe('checking');
    await vi.waitFor(() => expect(status(fine.source.id).state).toBe('ok'));

    clock.advance(60_000);
    await vi.waitFor(() => expect(status(stuck.source.id).state).toBe('error'));
    expect(status(stuck.source.id).lastError).toBe('No answer within 60 s; will try again');
    expect(status(stuck.source.id).nextPollAt).toBeGreaterThan(clock.now());
  });

  it('pauses, resumes and removes a source, keeping the choice in settings', async () => {
    let polls = 0;
    const connector: Connector = {
      async poll(ctx) {
        polls++;
        return { updates: [], cursor: { seen: ctx.source.id } };
      },
    };
    const { clock, sources, settings, dataDir, secrets } = await setup({ rss: connector, imap: connector });
    const { source } = await sources.save({ source: feed('news') });
    await vi.waitFor(() => expect(polls).toBe(1));

    const paused = await sources.setPaused(source.id, true);
    expect(paused).toMatchObject({ state: 'paused', nextPollAt: null });
    expect(settings.get().sources[0]?.enabled).toBe(false);
    clock.advance(2 * HOUR_MS);
    expect(polls).toBe(1);
    // "Check now" still works while paused, and the source stays paused.
    expect(await sources.checkNow(source.id)).toMatchObject({ state: 'paused', nextPollAt: null });
    expect(polls).toBe(2);

    await sources.setPaused(source.id, false);
    await vi.waitFor(() =>
      expect(sources.list()[0]?.status).toMatchObject({ state: 'ok', lastSuccessAt: T0 + 2 * HOUR_MS }),
    );
    expect(polls).toBe(3);

    const mail = await sources.save({
      source: { kind: 'imap', name: 'Mail', options: { host: 'imap.example.com', user: 'ana@example.com' } },
      secret: 'hunter22',
    });
    await vi.waitFor(async () =>
      expect(JSON.parse(await fs.readFile(path.join(dataDir, CURSORS_FILE), 'utf8'))).toHaveProperty(
        mail.source.id,
      ),
    );
    expect(await sources.remove(mail.source.id)).toBe(true);
    expect(await sources.remove(mail.source.id)).toBe(false);
    expect(sources.list().map((v) => v.source.id)).toEqual([source.id]);
    expect(await secrets.get(secretNameFor(mail.source.id))).toBe('');
    const cursors = JSON.parse(await fs.readFile(path.join(dataDir, CURSORS_FILE), 'utf8'));
    expect(cursors).not.toHaveProperty(mail.source.id);
    await expect(sources.checkNow(mail.source.id)).rejects.toThrow(/no source/);
  });

  it('asks for the secret a kind needs, keeps it out of settings, and keeps it on edit', async () => {
    const connector: Connector = { poll: async () => ({ updates: [], cursor: null }) };
    const { sources, settings } = await setup({ github: connector });
    await expect(sources.save({ source: { kind: 'github', name: 'GitHub', options: {} } })).rejects.toThrow(
      'GitHub notifications need a personal access token',
    );
    const saved = await sources.save({
      source: { kind: 'github', name: 'GitHub', options: {} },
      secret: 'ghp_abc',
    });
    expect(saved).toMatchObject({
      hasSecret: true,
      source: { channel: 'other', pollMinutes: 5, enabled: true },
    });
    const renamed = await sources.save({
      source: { id: saved.source.id, kind: 'github', name: 'Work GitHub', options: {} },
    });
    expect(renamed).toMatchObject({ hasSecret: true, source: { name: 'Work GitHub' } });
    expect(JSON.stringify(settings.get())).not.toContain('ghp_abc');
    await expect(
      sources.save({
        source: { id: saved.source.id, kind: 'rss', name: 'x', options: { url: 'https://a.b/' } },
      }),
    ).rejects.toThrow(/cannot change its kind/);
  });

  it('hands done items to their source with their external ids, and wakes on a listener', async () => {
    const done: string[][] = [];
    let wake: (() => void) | null = null;
    let polls = 0;
    const connector: Connector = {
      async poll() {
        polls++;
        return { updates: [], cursor: null };
      },
      async watch(_ctx: ConnectorContext, w: () => void) {
        wake = w;
        return async () => {};
      },
      async onDone(_ctx, ids) {
        done.push([...ids]);
      },
    };
    const { sources } = await setup({ imap: connector });
    const { source } = await sources.save({
      source: { kind: 'imap', name: 'Mail', options: { host: 'imap.example.com', user: 'a@b.c' } },
      secret: 'pw-123456',
    });
    await vi.waitFor(() => expect(sources.list()[0]?.status.watching).toBe(true));
    sources.onItemsDone([`${source.id}/${encodeURIComponent('INBOX/7/42')}`, 'ci/build-1', 'no-slash']);
    await vi.waitFor(() => expect(done).toEqual([['INBOX/7/42']]));

    wake!();
    await vi.waitFor(() => expect(polls).toBe(2));
  });

  it('blanks a secret that a server echoed into an error, in the status and the log', async () => {
    const logs: string[] = [];
    const echo: Connector = {
      async poll(ctx) {
        throw new SourceError(`The server said: unknown user token ${await ctx.secret()}`);
      },
    };
    const { sources } = await setup({ github: echo }, 7, logs);
    const { source } = await sources.save({
      source: { kind: 'github', name: 'GitHub', options: {} },
      secret: 'ghp_echoed_secret',
    });
    const status = await sources.checkNow(source.id);
    expect(status.lastError).toBe('The server said: unknown user token •••');
    expect(logs.join('\n')).toContain('unknown user token •••');
    expect(logs.join('\n')).not.toContain('ghp_echoed_secret');
  });
});
