import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { assertImplementsContract } from '../../../test/helpers/contract';
import { contract, LullError } from '../../shared/contract';
import type { ClientMessage, ServerMessage } from '../../shared/ws-protocol';
import type { ConnectionState } from './connection';
import { connect, type SocketLike, type WsClient, wsUrlFor } from './ws-client';

class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  static last(): FakeSocket {
    const socket = FakeSocket.all.at(-1);
    if (!socket) throw new Error('no socket opened');
    return socket;
  }

  readonly sent: ClientMessage[] = [];
  closedWith: number | null = null;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason?: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data) as ClientMessage);
  }
  close(code = 1000): void {
    this.closedWith = code;
    this.onclose?.({ code });
  }

  // Server side
  accept(): void {
    this.onopen?.({});
    this.receive({ type: 'ready' });
  }
  receive(message: ServerMessage): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006): void {
    this.onclose?.({ code });
  }
  calls() {
    return this.sent.filter((m): m is Extract<ClientMessage, { type: 'call' }> => m.type === 'call');
  }
}

// Parsed through the contract, so the fixtures follow the status schema as it grows.
const statusSchema = contract.events['focus:changed'];
const NO_SCHEDULE = { ruleName: null, nextChangeAt: null, skipping: false, nextBlock: null };
const OFF = statusSchema.parse({ active: false, cause: null, since: null, until: null, ...NO_SCHEDULE });
const ON = statusSchema.parse({ active: true, cause: 'manual', since: 1_000, until: 2_000, ...NO_SCHEDULE });

let client: WsClient;
let states: ConnectionState[];

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
  client = connect('ws://127.0.0.1:4000/v1/ws', 'secret', FakeSocket);
  states = [];
  client.connection.subscribe((state) => states.push(state));
});

afterEach(() => {
  client.close();
  vi.useRealTimers();
});

describe('ws client', () => {
  it('offers the browser host the whole contract, like the preload bridge and the test fake', () => {
    assertImplementsContract(client.api);
  });

  it('authenticates first, then goes online', () => {
    const socket = FakeSocket.last();
    expect(socket.url).toBe('ws://127.0.0.1:4000/v1/ws');
    expect(client.connection.get()).toBe('connecting');
    socket.accept();
    expect(socket.sent[0]).toEqual({ type: 'auth', token: 'secret' });
    expect(client.connection.get()).toBe('online');
  });

  it('matches answers to calls by id, whatever order they come in', async () => {
    const socket = FakeSocket.last();
    socket.accept();
    const status = client.api.focus.getStatus();
    const set = client.api.focus.set({ active: true, minutes: 25 });
    const [first, second] = socket.calls();
    expect(first?.command).toBe('focus:get-status');
    expect(second).toMatchObject({ command: 'focus:set', payload: { active: true, minutes: 25 } });
    socket.receive({ type: 'result', id: second!.id, envelope: { ok: true, value: ON } });
    socket.receive({ type: 'result', id: first!.id, envelope: { ok: true, value: OFF } });
    await expect(status).resolves.toEqual(OFF);
    await expect(set).resolves.toEqual(ON);
  });

  it('turns an error envelope into a LullError', async () => {
    const socket = FakeSocket.last();
    socket.accept();
    const info = client.api.app.getInfo();
    const id = socket.calls()[0]!.id;
    socket.receive({
      type: 'result',
      id,
      envelope: { ok: false, error: { code: 'not-ready', message: 'still starting' } },
    });
    await expect(info).rejects.toMatchObject({ name: 'LullError', code: 'not-ready' });
  });

  it('rejects an answer that does not match the contract', async () => {
    const socket = FakeSocket.last();
    socket.accept();
    const status = client.api.focus.getStatus();
    socket.receive({ type: 'result', id: socket.calls()[0]!.id, envelope: { ok: true, value: { nope: 1 } } });
    await expect(status).rejects.toMatchObject({ code: 'bad-response' });
  });

  it('delivers events until unsubscribed', () => {
    const socket = FakeSocket.last();
    socket.accept();
    const seen: unknown[] = [];
    const off = client.api.onFocusChanged((status) => seen.push(status));
    socket.receive({ type: 'event', event: 'focus:changed', payload: ON });
    off();
    socket.receive({ type: 'event', event: 'focus:changed', payload: OFF });
    expect(seen).toEqual([ON]);
  });

  it('keeps subscriptions across a reconnect', () => {
    FakeSocket.last().accept();
    const seen: number[] = [];
    client.api.onJournalAppended(({ lastSeq }) => seen.push(lastSeq));
    FakeSocket.last().drop();
    vi.advanceTimersByTime(500);
    const second = FakeSocket.last();
    second.accept();
    second.receive({ type: 'event', event: 'journal:appended', payload: { lastSeq: 7 } });
    expect(FakeSocket.all).toHaveLength(2);
    expect(seen).toEqual([7]);
  });

  it('holds calls made while offline and sends them once reconnected', async () => {
    FakeSocket.last().accept();
    FakeSocket.last().drop();
    expect(client.connection.get()).toBe('offline');
    const pull = client.api.journal.pull({ sinceSeq: 0 });
    vi.advanceTimersByTime(500);
    const second = FakeSocket.last();
    expect(second.calls()).toEqual([]);
    second.accept();
    const call = second.calls()[0]!;
    expect(call.command).toBe('journal:pull');
    second.receive({
      type: 'result',
      id: call.id,
      envelope: { ok: true, value: { entries: [], lastSeq: 0 } },
    });
    await expect(pull).resolves.toEqual({ entries: [], lastSeq: 0 });
    expect(states).toEqual(['online', 'offline', 'online']);
  });

  it('re-sends a call whose answer was lost with the socket', async () => {
    const first = FakeSocket.last();
    first.accept();
    const status = client.api.focus.getStatus();
    expect(first.calls()).toHaveLength(1);
    first.drop();
    vi.advanceTimersByTime(500);
    const second = FakeSocket.last();
    second.accept();
    const resent = second.calls()[0]!;
    expect(resent.command).toBe('focus:get-status');
    second.receive({ type: 'result', id: resent.id, envelope: { ok: true, value: OFF } });
    await expect(status).resolves.toEqual(OFF);
  });

  it('backs off from 0.5 s, doubling up to 10 s, and resets once connected', () => {
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      const before = FakeSocket.all.length;
      FakeSocket.last().drop();
      let waited = 0;
      while (FakeSocket.all.length === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    FakeSocket.last().accept();
    FakeSocket.last().drop();
    const before = FakeSocket.all.length;
    vi.advanceTimersByTime(500);
    expect(FakeSocket.all.length).toBe(before + 1);
  });

  it('fails a call that waits too long for the connection, with a clear error', async () => {
    const status = client.api.focus.getStatus();
    const outcome = expect(status).rejects.toThrow(/not reachable/);
    vi.advanceTimersByTime(15_000);
    await outcome;
  });

  it('stops on 4401, fails pending calls and refuses new ones', async () => {
    const socket = FakeSocket.last();
    socket.onopen?.({});
    const status = client.api.focus.getStatus();
    socket.drop(4401);
    expect(client.connection.get()).toBe('unauthorized');
    await expect(status).rejects.toBeInstanceOf(LullError);
    await expect(client.api.focus.getStatus()).rejects.toMatchObject({ code: 'unauthorized' });
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('drops a socket that never says ready, and retries', () => {
    const socket = FakeSocket.last();
    socket.onopen?.({});
    vi.advanceTimersByTime(10_000);
    expect(socket.closedWith).toBe(4000);
    vi.advanceTimersByTime(500);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('reconnectNow skips the backoff wait', () => {
    FakeSocket.last().drop();
    FakeSocket.last();
    vi.advanceTimersByTime(500);
    FakeSocket.last().drop(); // next wait would be 1 s
    client.reconnectNow();
    expect(FakeSocket.all).toHaveLength(3);
  });

  it('derives the socket URL from the page', () => {
    expect(wsUrlFor({ protocol: 'http:', host: '127.0.0.1:4000' })).toBe('ws://127.0.0.1:4000/v1/ws');
    expect(wsUrlFor({ protocol: 'https:', host: 'lull.local' })).toBe('wss://lull.local/v1/ws');
  });
});

describe('ws client listeners', () => {
  it('keeps delivering to other listeners when one throws', () => {
    vi.useFakeTimers();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    FakeSocket.all = [];
    const own = connect('ws://x/v1/ws', 't', FakeSocket);
    FakeSocket.last().accept();
    const seen: number[] = [];
    own.api.onJournalAppended(() => {
      throw new Error('boom');
    });
    own.api.onJournalAppended(({ lastSeq }) => seen.push(lastSeq));
    FakeSocket.last().receive({ type: 'event', event: 'journal:appended', payload: { lastSeq: 3 } });
    expect(seen).toEqual([3]);
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
    own.close();
  });
});

describe('ws client token changes', () => {
  it('reconnects at once with the same token when offline, skipping the backoff', () => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    const own = connect('ws://x/v1/ws', 'same', FakeSocket);
    FakeSocket.last().accept();
    FakeSocket.last().drop();
    own.setToken?.('same');
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.last().accept();
    expect(FakeSocket.last().sent[0]).toEqual({ type: 'auth', token: 'same' });
    expect(own.connection.get()).toBe('online');
    own.close();
  });

  it('recovers from 4401 with a new token and sends waiting calls', async () => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    const own = connect('ws://x/v1/ws', 'old', FakeSocket);
    FakeSocket.last().onopen?.({});
    FakeSocket.last().drop(4401);
    expect(own.connection.get()).toBe('unauthorized');
    own.setToken?.('new');
    expect(own.connection.get()).toBe('connecting');
    const status = own.api.focus.getStatus();
    const socket = FakeSocket.last();
    socket.accept();
    expect(socket.sent[0]).toEqual({ type: 'auth', token: 'new' });
    socket.receive({ type: 'result', id: socket.calls()[0]!.id, envelope: { ok: true, value: OFF } });
    await expect(status).resolves.toEqual(OFF);
    own.close();
  });

  it('re-authenticates a live connection when the token changes, re-sending calls in flight', async () => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    const own = connect('ws://x/v1/ws', 'old', FakeSocket);
    const first = FakeSocket.last();
    first.accept();
    const status = own.api.focus.getStatus();
    own.setToken?.('new');
    expect(first.closedWith).toBe(1000);
    const second = FakeSocket.last();
    second.accept();
    const resent = second.calls()[0]!;
    second.receive({ type: 'result', id: resent.id, envelope: { ok: true, value: ON } });
    await expect(status).resolves.toEqual(ON);
    own.close();
  });

  it('after a rotation keeps the live socket (no second rotation) and uses the new token on the next connection', async () => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    const own = connect('ws://x/v1/ws', 'old', FakeSocket, { initialBackoffMs: 10 });
    const first = FakeSocket.last();
    first.accept();
    const rotation = own.api.app.rotateToken();
    own.setToken?.('new', 'next-connection');
    expect(first.closedWith).toBeNull();
    expect(own.connection.get()).toBe('online');
    const call = first.calls()[0]!;
    expect(call.command).toBe('app:rotate-token');
    const info = { version: '1', apiUrl: 'http://x', token: 'new', host: 'browser', shortcut: null };
    first.receive({ type: 'result', id: call.id, envelope: { ok: true, value: info } });
    await expect(rotation).resolves.toEqual(info);
    expect(first.calls()).toHaveLength(1);

    first.drop();
    vi.advanceTimersByTime(10);
    const second = FakeSocket.last();
    expect(second).not.toBe(first);
    second.accept();
    expect(second.sent[0]).toEqual({ type: 'auth', token: 'new' });
    expect(second.calls()).toHaveLength(0);
    own.close();
  });

  it('with next-connection while offline, reconnects at once with the new token', () => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    const own = connect('ws://x/v1/ws', 'old', FakeSocket);
    FakeSocket.last().accept();
    FakeSocket.last().drop();
    own.setToken?.('new', 'next-connection');
    expect(FakeSocket.all).toHaveLength(2);
    FakeSocket.last().accept();
    expect(FakeSocket.last().sent[0]).toEqual({ type: 'auth', token: 'new' });
    own.close();
  });
});
