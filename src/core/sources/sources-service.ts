import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { LullError, type Unsubscribe } from '../../shared/contract';
import { MAX_BATCH, type UpdateInput, updateInputSchema } from '../../shared/schemas';
import {
  MAX_SOURCES,
  SOURCE_KIND_LABELS,
  SOURCE_SECRET_LABEL,
  type SourceDraft,
  type SourceKind,
  type SourceSettings,
  type SourceStatus,
  type SourceView,
  sourceDraftSchema,
  sourceSettingsSchema,
} from '../../shared/source-schemas';
import { createEmitter } from '../lib/emitter';
import { createSerialQueue } from '../lib/serial';
import type { Clock, Logger, SecretStore } from '../ports';
import type { SettingsStore } from '../settings/settings-store';
import { githubConnector } from './connectors/github';
import { imapConnector } from './connectors/imap';
import { rssConnector } from './connectors/rss';
import { type CursorStore, openCursorStore } from './cursor-store';
import { createSourceRunner, POLL_TIMEOUT_MS, type SourceRunner } from './source-runner';
import type { Connector } from './types';

export const DEFAULT_CONNECTORS: Readonly<Record<SourceKind, Connector>> = {
  rss: rssConnector as Connector,
  github: githubConnector as Connector,
  imap: imapConnector as Connector,
};

/** The SecretStore name of a source's token or password (the file store allows [a-z0-9-] only). */
export const secretNameFor = (id: string) => `source-${id}-secret`;

export interface SourcesService {
  list(): SourceView[];
  save(input: { source: SourceDraft; secret?: string }): Promise<SourceView>;
  remove(id: string): Promise<boolean>;
  checkNow(id: string): Promise<SourceStatus>;
  setPaused(id: string, paused: boolean): Promise<SourceStatus>;
  /** Items the person marked done: each source may mark them read or seen at the origin. */
  onItemsDone(itemIds: readonly string[]): void;
  onChange(listener: (views: SourceView[]) => void): Unsubscribe;
  start(): void;
  close(): Promise<void>;
}

export interface SourcesOptions {
  dataDir: string;
  clock: Clock;
  logger: Logger;
  secrets: SecretStore;
  settings: SettingsStore;
  /** Ingests through the same path as the HTTP API. */
  ingest: (updates: readonly UpdateInput[]) => Promise<unknown>;
  /** The person's IANA zone, for "retrying at 14:05". */
  zone: () => string;
  random?: () => number;
  timeoutMs?: number;
  connectors?: Partial<Record<SourceKind, Connector>>;
}

/**
 * Built-in sources: one runner per configured source, rebuilt when its settings change. Settings hold
 * no secret; tokens and passwords go to the host's SecretStore as `source-<id>-secret`.
 */
export async function createSourcesService(options: SourcesOptions): Promise<SourcesService> {
  const { clock, logger, secrets, settings } = options;
  const cursors: CursorStore = await openCursorStore(options.dataDir, logger);
  const connectors = { ...DEFAULT_CONNECTORS, ...options.connectors };
  const runners = new Map<string, SourceRunner>();
  const hasSecret = new Map<string, boolean>();
  const emitter = createEmitter<{ changed: [views: SourceView[]] }>((error) =>
    options.logger.error(`listener failed: ${String(error)}`),
  );
  const serial = createSerialQueue();
  let started = false;
  let closed = false;

  const readSecret = async (id: string) => (await secrets.get(secretNameFor(id))) || null;
  for (const source of settings.get().sources)
    hasSecret.set(source.id, (await readSecret(source.id)) !== null);

  const formatTime = (at: number) => DateTime.fromMillis(at, { zone: options.zone() }).toFormat('HH:mm');
  const changed = () => {
    if (closed) return;
    const views = list();
    emitter.emit('changed', views);
  };

  async function deliver(updates: readonly UpdateInput[]) {
    const valid: UpdateInput[] = [];
    for (const update of updates) {
      const parsed = updateInputSchema.safeParse(update);
      if (parsed.success) valid.push(parsed.data);
      else logger.warn(`source ${update.source}: skipped an update (${parsed.error.issues[0]?.message})`);
    }
    for (let i = 0; i < valid.length; i += MAX_BATCH) await options.ingest(valid.slice(i, i + MAX_BATCH));
  }

  function createRunner(source: SourceSettings, carried?: SourceStatus) {
    return createSourceRunner(
      source,
      {
        clock,
        logger,
        random: options.random ?? Math.random,
        connector: connectors[source.kind],
        secret: () => readSecret(source.id),
        cursors,
        deliver,
        formatTime,
        timeoutMs: options.timeoutMs ?? POLL_TIMEOUT_MS,
        onChange: changed,
      },
      carried,
    );
  }

  /**
   * Brings the runners in line with settings: new, changed (restarted) and removed sources. A
   * restarted runner keeps what its predecessor knew, so an edit does not hide the last error.
   */
  async function reconcile() {
    const wanted = new Map(settings.get().sources.map((s) => [s.id, s]));
    const carried = new Map<string, SourceStatus>();
    for (const [id, runner] of runners) {
      const next = wanted.get(id);
      if (next && JSON.stringify(next) === JSON.stringify(runner.source)) continue;
      carried.set(id, runner.status());
      runners.delete(id);
      await runner.stop();
      const sameOrigin = next && JSON.stringify(next.options) === JSON.stringify(runner.source.options);
      if (!sameOrigin) await cursors.delete(id);
    }
    for (const [id, source] of wanted) {
      if (runners.has(id)) continue;
      const runner = createRunner(source, carried.get(id));
      runners.set(id, runner);
      if (started && !closed) runner.start();
    }
    for (const id of hasSecret.keys()) if (!wanted.has(id)) hasSecret.delete(id);
    changed();
  }
  const unsubscribe = settings.onChange(() => {
    void serial(reconcile).catch((error) => logger.error(`sources: ${String(error)}`));
  });
  for (const source of settings.get().sources) runners.set(source.id, createRunner(source));

  function runnerFor(id: string): SourceRunner {
    const runner = runners.get(id);
    if (!runner) throw new LullError('not-found', `There is no source with id ${id}`);
    return runner;
  }

  function view(runner: SourceRunner): SourceView {
    return {
      source: runner.source,
      status: runner.status(),
      hasSecret: hasSecret.get(runner.source.id) ?? false,
    };
  }

  function list(): SourceView[] {
    return settings.get().sources.flatMap((s) => {
      const runner = runners.get(s.id);
      return runner ? [view(runner)] : [];
    });
  }

  /**
   * Changes to the sources list run one at a time; each resolves once the reconcile its settings
   * update queued has run, so the runners answer for the new settings.
   */
  async function mutate<T>(change: () => Promise<T>): Promise<T> {
    const result = await serial(change);
    await serial(async () => {});
    return result;
  }

  async function save(draft: SourceDraft, secret: string | undefined): Promise<string> {
    const parsed = sourceDraftSchema.safeParse(draft);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LullError('invalid-payload', `${issue?.path.join('.') || 'source'}: ${issue?.message}`);
    }
    const current = settings.get().sources;
    const existing = parsed.data.id ? current.find((s) => s.id === parsed.data.id) : undefined;
    if (parsed.data.id && !existing)
      throw new LullError('not-found', `There is no source with id ${parsed.data.id}`);
    if (existing && existing.kind !== parsed.data.kind) {
      throw new LullError('invalid-payload', 'A source cannot change its kind; add a new source instead');
    }
    if (!existing && current.length >= MAX_SOURCES) {
      throw new LullError('invalid-payload', `At most ${MAX_SOURCES} sources`);
    }
    const id = existing?.id ?? `${parsed.data.kind}-${randomBytes(4).toString('hex')}`;
    const label = SOURCE_SECRET_LABEL[parsed.data.kind];
    if (label && !secret && !hasSecret.get(id)) {
      throw new LullError('invalid-payload', `${SOURCE_KIND_LABELS[parsed.data.kind]} need a ${label}`);
    }
    const source = sourceSettingsSchema.parse({ ...parsed.data, id });
    if (secret && label) {
      await secrets.set(secretNameFor(id), secret);
      hasSecret.set(id, true);
    }
    await settings.update({
      sources: existing ? current.map((s) => (s.id === id ? source : s)) : [...current, source],
    });
    return id;
  }

  return {
    list,
    save: async ({ source, secret }) => view(runnerFor(await mutate(() => save(source, secret)))),
    remove: (id) =>
      mutate(async () => {
        const current = settings.get().sources;
        if (!current.some((s) => s.id === id)) return false;
        await settings.update({ sources: current.filter((s) => s.id !== id) });
        if (await readSecret(id)) await secrets.set(secretNameFor(id), '');
        return true;
      }),
    checkNow: async (id) => runnerFor(id).checkNow(),
    async setPaused(id, paused) {
      await mutate(async () => {
        runnerFor(id);
        await settings.update({
          sources: settings.get().sources.map((s) => (s.id === id ? { ...s, enabled: !paused } : s)),
        });
      });
      return runnerFor(id).status();
    },
    onItemsDone(itemIds) {
      const bySource = new Map<string, string[]>();
      for (const itemId of itemIds) {
        const slash = itemId.indexOf('/');
        if (slash < 0) continue;
        const sourceId = decodeURIComponent(itemId.slice(0, slash));
        if (!runners.has(sourceId)) continue;
        bySource.set(sourceId, [
          ...(bySource.get(sourceId) ?? []),
          decodeURIComponent(itemId.slice(slash + 1)),
        ]);
      }
      for (const [sourceId, externalIds] of bySource) void runners.get(sourceId)?.onDone(externalIds);
    },
    onChange: (listener) => emitter.on('changed', listener),
    start() {
      if (started || closed) return;
      started = true;
      for (const runner of runners.values()) runner.start();
    },
    async close() {
      closed = true;
      unsubscribe();
      await Promise.all([...runners.values()].map((runner) => runner.stop()));
      await cursors.flush();
    },
  };
}
