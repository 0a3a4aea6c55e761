import { MINUTE_MS } from '../../shared/channels';
import type { UpdateInput } from '../../shared/schemas';
import type { SourceSettings, SourceStatus } from '../../shared/source-schemas';
import type { Cancel, Clock, Logger } from '../ports';
import { backoffDelay } from './backoff';
import type { CursorStore } from './cursor-store';
import { type Connector, type ConnectorContext, SourceError } from './types';

export const POLL_TIMEOUT_MS = 60_000;

export interface RunnerDeps {
  clock: Clock;
  logger: Logger;
  random: () => number;
  connector: Connector;
  secret: () => Promise<string | null>;
  cursors: CursorStore;
  /** Validates and ingests: journal, deadline, routing, like the HTTP API. */
  deliver: (updates: readonly UpdateInput[]) => Promise<void>;
  formatTime: (at: number) => string;
  timeoutMs: number;
  onChange: () => void;
}

export interface SourceRunner {
  readonly source: SourceSettings;
  status(): SourceStatus;
  start(): void;
  /** Polls now (joining a poll under way) and answers with the outcome, even when paused. */
  checkNow(): Promise<SourceStatus>;
  /** Stops timers, the listener and any poll under way; never waits for a hung connector. */
  stop(): Promise<void>;
  onDone(externalIds: readonly string[]): Promise<void>;
}

/** A secret must never reach a status, a log line or an event, even if a server echoed it back. */
function scrub(message: string, secret: string | null): string {
  return secret && secret.length >= 4 ? message.split(secret).join('•••') : message;
}

function words(error: unknown): string {
  if (error instanceof SourceError) return error.message;
  return `Unexpected error: ${(error as Error)?.message ?? String(error)}`;
}

/**
 * One source's loop on the Clock port: poll, deliver, save the cursor, arm the next poll. A failure
 * backs off with jitter; a poll that does not finish in time is abandoned. Nothing here waits on
 * another source, so a failing or hanging source never delays the rest.
 */
export function createSourceRunner(
  source: SourceSettings,
  deps: RunnerDeps,
  carried: Pick<SourceStatus, 'lastSuccessAt' | 'lastError'> = { lastSuccessAt: null, lastError: null },
): SourceRunner {
  const { clock, logger, connector } = deps;
  const paused = !source.enabled;
  const intervalMs = source.pollMinutes * MINUTE_MS;
  const life = new AbortController();
  let state: SourceStatus['state'] = paused ? 'paused' : carried.lastError ? 'error' : 'ok';
  let { lastSuccessAt, lastError } = carried;
  let nextPollAt: number | null = null;
  let failures = 0;
  let minIntervalMs = 0;
  let cancelTimer: Cancel | null = null;
  let inFlight: Promise<void> | null = null;
  let current: AbortController | null = null;
  let stopWatch: (() => Promise<void>) | null = null;
  let watchStarting = false;
  let stopped = false;

  const context = (signal: AbortSignal): ConnectorContext => ({
    source,
    secret: deps.secret,
    cursor: deps.cursors.get(source.id),
    signal,
    now: () => clock.now(),
    formatTime: deps.formatTime,
    logger,
  });

  function schedule(delayMs: number) {
    cancelTimer?.();
    cancelTimer = null;
    nextPollAt = null;
    if (stopped || paused) return;
    nextPollAt = clock.now() + delayMs;
    cancelTimer = clock.setTimer(() => void poll(), delayMs);
  }

  async function pollOnce(): Promise<void> {
    const controller = new AbortController();
    current = controller;
    const seconds = Math.round(deps.timeoutMs / 1000);
    const cancelTimeout = clock.setTimer(
      () => controller.abort(new SourceError(`No answer within ${seconds} s; will try again`)),
      deps.timeoutMs,
    );
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    try {
      const result = await Promise.race([connector.poll(context(controller.signal)), aborted]);
      if (stopped) return;
      await deps.deliver(result.updates);
      await deps.cursors.set(source.id, result.cursor);
      failures = 0;
      minIntervalMs = result.minIntervalMs ?? 0;
      lastSuccessAt = clock.now();
      lastError = null;
      schedule(Math.max(intervalMs, minIntervalMs));
      startWatching();
    } catch (error) {
      if (stopped) return;
      failures++;
      lastError = scrub(words(error), await deps.secret().catch(() => null));
      logger.warn(`source "${source.name}" (${source.kind}): ${lastError}`);
      const retryAt = error instanceof SourceError ? error.retryAt : undefined;
      const waitMs = Math.max(
        backoffDelay(failures, intervalMs, deps.random),
        minIntervalMs,
        retryAt !== undefined ? retryAt - clock.now() : 0,
      );
      schedule(waitMs);
    } finally {
      cancelTimeout();
      current = null;
    }
  }

  function poll(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (!inFlight) {
      cancelTimer?.();
      cancelTimer = null;
      state = 'checking';
      deps.onChange();
      inFlight = pollOnce().finally(() => {
        inFlight = null;
        state = paused ? 'paused' : lastError ? 'error' : 'ok';
        if (!stopped) deps.onChange();
      });
    }
    return inFlight;
  }

  /** IMAP IDLE between polls: a listener that fails to start or drops is retried after a good poll. */
  function startWatching() {
    if (!connector.watch || stopWatch || watchStarting || paused || stopped) return;
    watchStarting = true;
    connector
      .watch(
        context(life.signal),
        () => void poll(),
        () => {
          stopWatch = null;
          if (!stopped) deps.onChange();
        },
      )
      .then(async (stop) => {
        if (stopped) return stop?.();
        stopWatch = stop;
        deps.onChange();
      })
      .catch((error: unknown) => {
        if (!stopped)
          logger.warn(`source "${source.name}": listening failed (${words(error)}); polling instead`);
      })
      .finally(() => {
        watchStarting = false;
      });
  }

  return {
    source,
    status: () => ({
      id: source.id,
      state,
      lastSuccessAt,
      lastError,
      nextPollAt,
      watching: stopWatch !== null,
    }),
    start() {
      if (!paused) void poll();
    },
    async checkNow() {
      await poll();
      return this.status();
    },
    async stop() {
      stopped = true;
      cancelTimer?.();
      cancelTimer = null;
      nextPollAt = null;
      current?.abort(new SourceError('Stopped'));
      life.abort(new SourceError('Stopped'));
      const stop = stopWatch;
      stopWatch = null;
      await stop?.().catch(() => undefined);
    },
    async onDone(externalIds) {
      if (!connector.onDone || externalIds.length === 0) return;
      const signal = AbortSignal.timeout(deps.timeoutMs);
      try {
        await connector.onDone(context(signal), externalIds);
      } catch (error) {
        const message = scrub(words(error), await deps.secret().catch(() => null));
        logger.warn(`source "${source.name}": could not mark done items at the origin (${message})`);
      }
    },
  };
}
