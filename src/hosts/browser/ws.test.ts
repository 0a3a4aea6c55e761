import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createInMemoryLullApi } from '../../../test/fakes/lull-api';
import { assertImplementsContract } from '../../../test/helpers/contract';
import { tempDir } from '../../../test/helpers/temp-dir';
import { silentLogger } from '../../core/ports';
import type { ServerMessage } from '../../shared/ws-protocol';
import { type BrowserHost, startBrowserHost } from './host';

let host: BrowserHost | null = null;
afterEach(async () => {
  await host?.stop();
  host = null;
});

async function start(): Promise<BrowserHost> {
  const dataDir = await tempDir();
  const rendererDir = path.join(dataDir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lull</title>');
  host = await startBrowserHost({
    dataDir: path.join(dataDir, 'data'),
    port: 0,
    rendererDir,
    logger: silentLogger,
  });
  return host;
}

/** Opens a socket and collects what the server sends; resolves once it is open (or fails to open). */
function open(h: BrowserHost, origin?: string) {
  const socket = new WebSocket(`ws://127.0.0.1:${h.api.port}/v1/ws`, origin ? { origin } : {});
  const messages: ServerMessage[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const opened = new Promise<void>((resolve, reject) => {
    socket.on('open', () => resolve());
    socket.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.on('error', reject);
  });
  const next = async (predicate: (m: ServerMessage) => boolean) => {
    for (let i = 0; i < 200; i++) {
      const found = messages.find(predicate);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no matching message; got ${JSON.stringify(messages)}`);
  };
  return { socket, messages, opened, closed, next };
}

describe('browser host WebSocket', () => {
  it('authenticates with the token, answers commands and pushes events', async () => {
    const h = await start();
    const client = open(h, h.api.url);
    await client.opened;
    client.socket.send(JSON.stringify({ type: 'auth', token: h.core.token() }));
    await client.next((m) => m.type === 'ready');

    client.socket.send(
      JSON.stringify({ type: 'call', id: 1, command: 'focus:set', payload: { active: true } }),
    );
    const result = await client.next((m) => m.type === 'result' && m.id === 1);
    expect(result).toMatchObject({ envelope: { ok: true, value: { active: true, cause: 'manual' } } });
    const event = await client.next((m) => m.type === 'event' && m.event === 'focus:changed');
    expect(event).toMatchObject({ payload: { active: true } });

    client.socket.send(
      JSON.stringify({ type: 'call', id: 2, command: 'focus:set', payload: { active: 'yes' } }),
    );
    const refused = await client.next((m) => m.type === 'result' && m.id === 2);
    expect(refused).toMatchObject({ envelope: { ok: false, error: { code: 'invalid-payload' } } });
    client.socket.close();
  });

  it('closes with 4401 on a wrong token and runs nothing', async () => {
    const h = await start();
    const client = open(h);
    await client.opened;
    client.socket.send(JSON.stringify({ type: 'auth', token: 'wrong' }));
    expect(await client.closed).toBe(4401);
    expect((await h.core.handlers['focus:get-status'](undefined)).active).toBe(false);
  });

  it('closes with 4401 when a command comes before authentication', async () => {
    const h = await start();
    const client = open(h);
    await client.opened;
    client.socket.send(
      JSON.stringify({ type: 'call', id: 1, command: 'focus:set', payload: { active: true } }),
    );
    expect(await client.closed).toBe(4401);
    expect((await h.core.handlers['focus:get-status'](undefined)).active).toBe(false);
  });

  it('rotates the token on request: the old one is refused at once, over HTTP and WebSocket', async () => {
    const h = await start();
    const old = h.core.token();
    const client = open(h, h.api.url);
    await client.opened;
    client.socket.send(JSON.stringify({ type: 'auth', token: old }));
    await client.next((m) => m.type === 'ready');
    client.socket.send(JSON.stringify({ type: 'call', id: 1, command: 'app:rotate-token' }));
    const result = await client.next((m) => m.type === 'result' && m.id === 1);
    const fresh = h.core.token();
    expect(fresh).not.toBe(old);
    expect(fresh.length).toBeGreaterThanOrEqual(32);
    expect(result).toMatchObject({ envelope: { ok: true, value: { token: fresh, apiUrl: h.api.url } } });
    const changed = await client.next((m) => m.type === 'event' && m.event === 'app:info-changed');
    expect(changed).toMatchObject({ payload: { token: fresh } });
    // The CLI reads the token file: it holds the new token.
    expect(readFileSync(path.join(h.dataDir, 'ingest-token'), 'utf8')).toBe(fresh);

    const push = (token: string) =>
      fetch(`${h.api.url}/v1/updates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ source: 'ci', externalId: token.slice(0, 8), title: 'Build' }),
      });
    expect((await push(old)).status).toBe(401);
    expect((await push(fresh)).status).toBe(202);
    expect((await h.core.handlers['updates:list']({ status: 'all', limit: 10 })).total).toBe(1);

    const stale = open(h, h.api.url);
    await stale.opened;
    stale.socket.send(JSON.stringify({ type: 'auth', token: old }));
    expect(await stale.closed).toBe(4401);
    const renewed = open(h, h.api.url);
    await renewed.opened;
    renewed.socket.send(JSON.stringify({ type: 'auth', token: fresh }));
    await renewed.next((m) => m.type === 'ready');
    renewed.socket.close();
    client.socket.close();
  });

  it('refuses an upgrade from a foreign origin (cross-site WebSocket hijacking)', async () => {
    const h = await start();
    const client = open(h, 'https://attacker.example');
    await expect(client.opened).rejects.toThrow('HTTP 403');
  });

  it('serves the page with a strict CSP and without the token', async () => {
    const h = await start();
    const res = await fetch(`${h.api.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).not.toContain(h.core.token());
    expect(h.pageUrl).toBe(`${h.api.url}/#token=${encodeURIComponent(h.core.token())}`);
    const traversal = await fetch(`${h.api.url}/..%2f..%2fdata%2fingest-token`);
    expect(await traversal.text()).not.toContain(h.core.token());
  });
});

describe('the in-memory test fake', () => {
  it('implements every method of the contract and reaches the core', async () => {
    const h = await start();
    const api = createInMemoryLullApi(h.core);
    assertImplementsContract(api);
    const seen: boolean[] = [];
    const unsubscribe = api.onFocusChanged((status) => seen.push(status.active));
    await api.focus.set({ active: true, minutes: 5 });
    unsubscribe();
    await api.focus.set({ active: false });
    expect(seen).toEqual([true]);
    await expect(api.focus.set({ active: true, minutes: 0 })).rejects.toThrow(/minutes/);
  });
});
