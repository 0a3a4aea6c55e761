import { createBridge, LullError } from '../../shared/contract';
import { type ConnectionSource, fixedConnection, type LullClient } from './connection';
import { storeSessionToken, type TokenEnvironment, takeSessionToken, tokenFromHash } from './session-token';
import { connect, wsUrlFor } from './ws-client';

function safeSessionStorage(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    return null;
  }
}

function tokenEnvironment(win: Window): TokenEnvironment {
  return { location: win.location, history: win.history, storage: safeSessionStorage(win) };
}

/** Without a token nothing can be reached; every call says so instead of hanging. */
function tokenlessClient(): LullClient {
  const refuse = () => Promise.reject(new LullError('unauthorized', 'No token — open the link Lull printed'));
  const connection: ConnectionSource = fixedConnection('unauthorized');
  return {
    api: createBridge({ invoke: refuse, subscribe: () => () => {} }),
    connection,
    reconnectNow: () => {},
  };
}

/**
 * The preload's `window.lull` inside Electron; otherwise a WebSocket client to the browser host that
 * served this page, authenticated with the token from the link.
 */
export function createLullClient(win: Window = window): LullClient {
  if (win.lull) return { api: win.lull, connection: fixedConnection('online'), reconnectNow: () => {} };
  const token = takeSessionToken(tokenEnvironment(win));
  if (!token) return tokenlessClient();
  return connect(wsUrlFor(win.location), token);
}

/**
 * Opening the printed link again in this tab only changes the hash. Adopt its token in place (no
 * reload, so the inbox stays on screen); a client that started without any token needs a fresh start.
 */
export function watchTokenLinks(client: LullClient, win: Window = window): () => void {
  const onHashChange = () => {
    if (!tokenFromHash(win.location.hash)) return;
    const token = takeSessionToken(tokenEnvironment(win));
    if (token && client.setToken) client.setToken(token);
    else if (!win.lull) win.location.reload();
  };
  win.addEventListener('hashchange', onHashChange);
  return () => win.removeEventListener('hashchange', onHashChange);
}

/**
 * The token was rotated (from the settings view, here or in another window): keep it for a reload and
 * for the WebSocket client's next connection. The desktop preload needs no token.
 */
export function followTokenRotation(client: LullClient, win: Window = window): () => void {
  if (win.lull || !client.setToken) return () => {};
  return client.api.onAppInfoChanged((info) => {
    storeSessionToken(safeSessionStorage(win), info.token);
    client.setToken?.(info.token, 'next-connection');
  });
}

let shared: LullClient | undefined;

/** The page's one client, created on first use. */
export function getLullClient(): LullClient {
  shared ??= createLullClient();
  return shared;
}
