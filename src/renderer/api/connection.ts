import type { LullApi, Unsubscribe } from '../../shared/contract';

/**
 * - connecting: the first attempt is under way;
 * - online: calls go through;
 * - offline: the link dropped; the client is retrying and calls wait;
 * - unauthorized: the token was refused (or missing); nothing will work until a new link is opened.
 */
export const CONNECTION_STATES = ['connecting', 'online', 'offline', 'unauthorized'] as const;
export type ConnectionState = (typeof CONNECTION_STATES)[number];

export interface ConnectionSource {
  get(): ConnectionState;
  subscribe(listener: (state: ConnectionState) => void): Unsubscribe;
}

/** What the app needs from the outside: the API, and whether it can currently reach the core. */
export interface LullClient {
  readonly api: LullApi;
  readonly connection: ConnectionSource;
  /** Skips the backoff wait, e.g. when the browser reports the network is back. */
  reconnectNow(): void;
  /**
   * Use a new token (WebSocket client only). `now` (a new link opened in this tab) reconnects at once;
   * `next-connection` (the token was rotated) keeps a live, already authenticated socket and uses the
   * token when the link is next opened.
   */
  setToken?(token: string, when?: 'now' | 'next-connection'): void;
}

/** For hosts whose link cannot drop (the Electron preload) or can never come up (no token). */
export function fixedConnection(state: ConnectionState): ConnectionSource {
  return { get: () => state, subscribe: () => () => {} };
}
