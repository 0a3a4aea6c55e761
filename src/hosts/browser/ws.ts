import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import type { Core } from '../../core/create-core';
import { tokensMatch } from '../../core/token';
import { dispatchCommand, EVENT_NAMES, type Unsubscribe } from '../../shared/contract';
import { type ClientMessage, type ServerMessage, WS_CLOSE, WS_PATH } from '../../shared/ws-protocol';

const AUTH_TIMEOUT_MS = 5_000;
const MAX_MESSAGE_BYTES = 256 * 1024;

function parseMessage(data: unknown): ClientMessage | null {
  try {
    const value = JSON.parse(String(data)) as Partial<ClientMessage>;
    if (value.type === 'auth' && typeof value.token === 'string') return value as ClientMessage;
    if (value.type === 'call' && Number.isInteger(value.id) && typeof value.command === 'string') {
      return value as ClientMessage;
    }
  } catch {
    // fall through
  }
  return null;
}

/**
 * The browser host's stand-in for Electron IPC: the same commands and events, over one socket.
 * The Origin of the upgrade must be this server's own page (the guards check it), and the first
 * message must carry the API token.
 */
export async function registerWebSocket(app: FastifyInstance, core: Core): Promise<Set<WebSocket>> {
  const sockets = new Set<WebSocket>();
  await app.register(websocket, { options: { maxPayload: MAX_MESSAGE_BYTES } });
  // A refused upgrade (foreign Origin, wrong Host) would otherwise leave its raw socket open.
  app.addHook('onResponse', async (request, reply) => {
    if (request.headers.upgrade && reply.statusCode >= 400) request.raw.socket?.destroy();
  });
  app.get(WS_PATH, { websocket: true, config: { public: true } }, (socket) => {
    sockets.add(socket);
    const subscriptions: Unsubscribe[] = [];
    let authed = false;
    const send = (message: ServerMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const authTimer = setTimeout(() => socket.close(WS_CLOSE.unauthorized, 'auth timeout'), AUTH_TIMEOUT_MS);

    socket.on('message', async (data) => {
      const message = parseMessage(data);
      if (!message) return socket.close(WS_CLOSE.badMessage, 'malformed message');
      if (!authed) {
        if (message.type !== 'auth' || !tokensMatch(message.token, core.token())) {
          return socket.close(WS_CLOSE.unauthorized, 'wrong token');
        }
        authed = true;
        clearTimeout(authTimer);
        for (const event of EVENT_NAMES) {
          subscriptions.push(core.events.on(event, (payload) => send({ type: 'event', event, payload })));
        }
        return send({ type: 'ready' });
      }
      if (message.type !== 'call') return socket.close(WS_CLOSE.badMessage, 'already authenticated');
      const envelope = await dispatchCommand(core.handlers, message.command, message.payload);
      send({ type: 'result', id: message.id, envelope });
    });
    socket.on('close', () => {
      clearTimeout(authTimer);
      for (const unsubscribe of subscriptions) unsubscribe();
      sockets.delete(socket);
    });
  });
  return sockets;
}
