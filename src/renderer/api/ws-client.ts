/**
 * The browser host's client: `LullApi` over the WebSocket protocol of src/shared/ws-protocol.ts.
 * It authenticates, reconnects with backoff when the socket drops, holds calls made while offline
 * until the socket is back (or fails them after a while), and keeps event listeners across reconnects.
 */
import {
  type BridgeTransport,
  type CommandName,
  contract,
  createBridge,
  type Envelope,
  type EventName,
  LullError,
  type Unsubscribe,
} from '../../shared/contract';
import { type ClientMessage, WS_CLOSE } from '../../shared/ws-protocol';
import type { ConnectionSource, ConnectionState, LullClient } from './connection';
import { checkEnvelope, parseServerMessage } from './ws-messages';

export { wsUrlFor } from './ws-messages';

/** The part of the DOM WebSocket the client uses, so tests can pass a fake. */
export interface SocketLike {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type SocketConstructor = new (url: string) => SocketLike;

export interface WsClientOptions {
  /** First reconnect delay; doubles on each failure up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a call may wait for a connection before it fails. */
  offlineCallTimeoutMs?: number;
  /** How long a sent call may wait for its answer. */
  responseTimeoutMs?: number;
  /** How long an open socket may take to say `ready` before it is dropped and retried. */
  readyTimeoutMs?: number;
}

export interface WsClient extends LullClient {
  readonly transport: BridgeTransport;
  close(): void;
}

interface Pending {
  readonly id: number;
  readonly command: CommandName;
  readonly payload: unknown;
  readonly resolve: (envelope: Envelope<unknown>) => void;
  readonly reject: (error: Error) => void;
  sent: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const DEFAULTS: Required<WsClientOptions> = {
  initialBackoffMs: 500,
  maxBackoffMs: 10_000,
  offlineCallTimeoutMs: 15_000,
  responseTimeoutMs: 30_000,
  readyTimeoutMs: 10_000,
};

export function connect(
  url: string,
  initialToken: string,
  WebSocketImpl: SocketConstructor = globalThis.WebSocket as unknown as SocketConstructor,
  options: WsClientOptions = {},
): WsClient {
  const config = { ...DEFAULTS, ...options };
  let token = initialToken;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: SocketLike | null = null;
  let ready = false;
  let closed = false;
  let nextId = 1;
  let backoff = config.initialBackoffMs;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let readyTimer: ReturnType<typeof setTimeout> | undefined;

  function setState(next: ConnectionState): void {
    if (state === next) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  }

  function send(message: ClientMessage): void {
    socket?.send(JSON.stringify(message));
  }

  function settle(call: Pending): void {
    clearTimeout(call.timer);
    pending.delete(call.id);
  }

  function waitForConnection(call: Pending): void {
    clearTimeout(call.timer);
    call.sent = false;
    call.timer = setTimeout(() => {
      settle(call);
      call.reject(
        new LullError(
          'offline',
          `Lull is not reachable: ${call.command} waited ${Math.round(config.offlineCallTimeoutMs / 1000)} s for the connection`,
        ),
      );
    }, config.offlineCallTimeoutMs);
  }

  function sendCall(call: Pending): void {
    clearTimeout(call.timer);
    call.sent = true;
    call.timer = setTimeout(() => {
      settle(call);
      call.reject(new LullError('timeout', `Lull did not answer ${call.command} in time`));
    }, config.responseTimeoutMs);
    send({ type: 'call', id: call.id, command: call.command, payload: call.payload });
  }

  function failAll(error: LullError): void {
    for (const call of [...pending.values()]) {
      settle(call);
      call.reject(error);
    }
  }

  function onMessage(from: SocketLike, data: unknown): void {
    if (from !== socket) return;
    const message = parseServerMessage(data);
    if (!message) return;
    if (message.type === 'ready') {
      clearTimeout(readyTimer);
      ready = true;
      backoff = config.initialBackoffMs;
      setState('online');
      for (const call of [...pending.values()]) if (!call.sent) sendCall(call);
    } else if (message.type === 'result') {
      const call = pending.get(message.id);
      if (!call) return;
      settle(call);
      call.resolve(checkEnvelope(call.command, message.envelope));
    } else if (message.type === 'event') {
      const schema = contract.events[message.event];
      if (!schema) return;
      const parsed = schema.safeParse(message.payload);
      if (!parsed.success) return;
      for (const listener of [...(listeners.get(message.event) ?? [])]) {
        // One broken listener must not starve the others.
        try {
          listener(parsed.data);
        } catch (error) {
          console.error(`Lull: a ${message.event} listener failed`, error);
        }
      }
    }
  }

  function onClose(from: SocketLike, code: number): void {
    if (from !== socket) return;
    socket = null;
    ready = false;
    clearTimeout(readyTimer);
    if (closed) return;
    if (code === WS_CLOSE.unauthorized) {
      setState('unauthorized');
      failAll(new LullError('unauthorized', 'The token is not valid — open the link Lull printed'));
      return;
    }
    setState('offline');
    for (const call of pending.values()) if (call.sent) waitForConnection(call);
    scheduleReconnect(backoff);
    backoff = Math.min(backoff * 2, config.maxBackoffMs);
  }

  function scheduleReconnect(delay: number): void {
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(open, delay);
  }

  /** Drops the current socket (if any) and authenticates again at once; calls in flight are re-sent. */
  function restart(): void {
    const current = socket;
    socket = null;
    ready = false;
    clearTimeout(readyTimer);
    clearTimeout(reconnectTimer);
    current?.close(1000, 'reconnecting');
    for (const call of pending.values()) if (call.sent) waitForConnection(call);
    backoff = config.initialBackoffMs;
    if (state === 'online' || state === 'unauthorized') setState('connecting');
    open();
  }

  function open(): void {
    reconnectTimer = undefined;
    if (closed || state === 'unauthorized') return;
    let next: SocketLike;
    try {
      next = new WebSocketImpl(url);
    } catch {
      setState('offline');
      scheduleReconnect(backoff);
      backoff = Math.min(backoff * 2, config.maxBackoffMs);
      return;
    }
    socket = next;
    next.onopen = () => {
      if (next !== socket) return;
      send({ type: 'auth', token });
      readyTimer = setTimeout(() => next.close(4000, 'no ready in time'), config.readyTimeoutMs);
    };
    next.onmessage = (event) => onMessage(next, event.data);
    next.onclose = (event) => onClose(next, event.code);
    // An error is always followed by a close, which does the work.
    next.onerror = () => {};
  }

  const transport: BridgeTransport = {
    invoke(command, payload) {
      if (closed) return Promise.reject(new LullError('closed', 'The connection to Lull was closed'));
      if (state === 'unauthorized') {
        return Promise.reject(
          new LullError('unauthorized', 'The token is not valid — open the link Lull printed'),
        );
      }
      return new Promise((resolve, reject) => {
        const call: Pending = {
          id: nextId++,
          command,
          payload,
          resolve,
          reject,
          sent: false,
          timer: undefined,
        };
        pending.set(call.id, call);
        if (ready) sendCall(call);
        else waitForConnection(call);
      });
    },
    subscribe(event, listener): Unsubscribe {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      // Wrapped so the same function subscribed twice needs two unsubscribes, as with addEventListener twice.
      const entry = (payload: unknown) => listener(payload);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
  };

  const connection: ConnectionSource = {
    get: () => state,
    subscribe(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
  };

  open();

  return {
    api: createBridge(transport),
    transport,
    connection,
    reconnectNow() {
      if (closed || ready || state === 'unauthorized') return;
      if (socket) return; // an attempt is already under way
      backoff = config.initialBackoffMs;
      clearTimeout(reconnectTimer);
      open();
    },
    setToken(next, when = 'now') {
      if (closed) return;
      const changed = next !== token;
      token = next;
      // A rotation answered on this socket: it stays authenticated, and re-sending the call in flight
      // (the rotation itself) would rotate twice. The new token is for the next connection.
      if (when === 'next-connection' && ready) return;
      if (changed || state === 'unauthorized') restart();
      else if (!ready && !socket) restart();
    },
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(reconnectTimer);
      clearTimeout(readyTimer);
      const current = socket;
      socket = null;
      ready = false;
      current?.close(1000, 'client closed');
      failAll(new LullError('closed', 'The connection to Lull was closed'));
    },
  };
}
