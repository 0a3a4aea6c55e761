import type { UpdateInput } from '../../shared/schemas';
import type { SourceSettings } from '../../shared/source-schemas';
import type { Logger } from '../ports';

/** Everything a connector may use for one poll. It never sees the store the secret came from. */
export interface ConnectorContext<S extends SourceSettings = SourceSettings> {
  readonly source: S;
  /** The token or password, or null when none is stored. */
  secret(): Promise<string | null>;
  /** What the previous successful poll returned as its cursor (ETag, seen ids, UIDs…). */
  readonly cursor: unknown;
  /** Aborted when the poll times out, the source is paused or removed, or the app quits. */
  readonly signal: AbortSignal;
  now(): number;
  /** An instant as the person reads it, "14:05" in their zone. */
  formatTime(at: number): string;
  readonly logger: Logger;
}

export interface PollResult {
  updates: UpdateInput[];
  /** Saved only after the updates are durable, so a crash in between re-delivers (idempotently). */
  cursor: unknown;
  /** The service asks this source no sooner than this again (GitHub's X-Poll-Interval). */
  minIntervalMs?: number;
}

export interface Connector<S extends SourceSettings = SourceSettings> {
  poll(ctx: ConnectorContext<S>): Promise<PollResult>;
  /**
   * Listens between polls (IMAP IDLE) and calls `wake` when something arrived, so a poll runs at once.
   * Resolves to a stop function, or null when the server offers no way to listen. `onClosed` reports
   * a listener that ended by itself; the service starts it again after the next good poll.
   */
  watch?(
    ctx: ConnectorContext<S>,
    wake: () => void,
    onClosed: (error?: unknown) => void,
  ): Promise<(() => Promise<void>) | null>;
  /** The person marked these items done in Lull (their externalIds): mark them read at the origin. */
  onDone?(ctx: ConnectorContext<S>, externalIds: readonly string[]): Promise<void>;
}

/** A failure a person can act on, in their words. `retryAt` defers the next poll (rate limits). */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly retryAt?: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

/** The reason behind a failed network call, as a person would want it named. */
export function describeNetworkError(error: unknown, where: string): string {
  const cause = (error as { cause?: { code?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return `${where} refused the connection`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where} could not be found (no network, or a typo in the address?)`;
    case 'ECONNRESET':
      return `${where} closed the connection`;
    case 'ETIMEDOUT':
      return `${where} did not answer in time`;
    default:
      if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) {
        return `${where} has a certificate this computer does not trust (${code})`;
      }
      return `${where} could not be reached${code ? ` (${code})` : ''}`;
  }
}
