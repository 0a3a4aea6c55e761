/**
 * The browser host's WebSocket protocol (path `/v1/ws`). The page must authenticate first with the
 * same token as the HTTP API; until then every other message closes the socket.
 *
 *   client → server  { type: 'auth', token }                      first message, within 5 s
 *   server → client  { type: 'ready' }                            token accepted
 *   client → server  { type: 'call', id, command, payload }       one command of the contract
 *   server → client  { type: 'result', id, envelope }             its Envelope
 *   server → client  { type: 'event', event, payload }            a contract event
 *
 * Refusals close the socket with a code a client can act on.
 */
import type { CommandName, Envelope, EventName } from './contract';

export const WS_PATH = '/v1/ws';

export const WS_CLOSE = {
  /** Wrong or missing token: do not retry with the same token. */
  unauthorized: 4401,
  /** Malformed message or protocol breach. */
  badMessage: 4400,
  /** The host is shutting down: retry later. */
  goingAway: 1001,
} as const;

export type ClientMessage =
  | { type: 'auth'; token: string }
  | { type: 'call'; id: number; command: CommandName; payload?: unknown };

export type ServerMessage =
  | { type: 'ready' }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: EventName; payload: unknown };
