import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFakeClock } from '../../test/helpers/fake-clock';
import { tempDir } from '../../test/helpers/temp-dir';
import { createTestCore, type TestCore } from '../../test/helpers/test-core';
import { HOUR_MS, MINUTE_MS } from '../shared/channels';
import { dispatchCommand } from '../shared/contract';
import type { FocusRule } from '../shared/focus-schedule';
import type { FocusStatus } from '../shared/focus-schemas';
import type { JournalEvent } from '../shared/schemas';
import { TOKEN_SECRET } from './token';

const T0 = Date.UTC(2025, 8, 1, 13, 0);

async function start(dataDir?: string, clock = createFakeClock(T0)) {
  const { core } = await createTestCore({ clock, dataDir: dataDir ?? (await tempDir()) });
  const history = () =>
    core.journal.entries().flatMap((entry) => (entry.kind === 'event' ? [entry.event] : []));
  return { core, clock, history };
}

describe('core: focus history in the journal', () => {
  it('records focus-started and focus-ended, including an end by timer', async () => {
    const { core, clock, history } = await start();
    await core.focus.set({ active: true, minutes: 25 });
    await vi.waitFor(() => expect(history()).toHaveLength(1));
    clock.advance(25 * MINUTE_MS);
    await vi.waitFor(() => expect(history()).toHaveLength(2));
    expect(history()).toEqual<JournalEvent[]>([
      { type: 'focus-started', at: T0, cause: 'manual', until: T0 + 25 * MINUTE_MS, ruleName: null },
      { type: 'focus-ended', at: T0 + 25 * MINUTE_MS },
    ]);
    await core.close();
  });

  it('extending a running session records no new start', async () => {
    const { core, clock, history } = await start();
    await core.focus.set({ active: true, minutes: 25 });
    clock.advance(5 * MINUTE_MS);
    await core.focus.set({ active: true, minutes: 60 });
    await core.focus.set({ active: true });
    clock.advance(5 * MINUTE_MS);
    await core.focus.set({ active: false });
    await vi.waitFor(() => expect(history().map((e) => e.type)).toEqual(['focus-started', 'focus-ended']));
    expect(history()[1]).toEqual({ type: 'focus-ended', at: T0 + 10 * MINUTE_MS });
    await core.close();
  });

  it('a clock set back after a session ended does not record the session again', async () => {
    const { core, clock, history } = await start();
    await core.focus.set({ active: true, minutes: 25 });
    clock.advance(30 * MINUTE_MS);
    await vi.waitFor(() => expect(history()).toHaveLength(2));
    clock.set(T0 + 5 * MINUTE_MS);
    core.focus.recompute();
    clock.advance(60 * MINUTE_MS);
    await core.journal.append([]); // serial: earlier appends have landed once this resolves
    expect(history().map((e) => e.type)).toEqual(['focus-started', 'focus-ended']);
    await core.close();
  });

  it('emits focus:changed and journal:appended events to subscribers', async () => {
    const { core } = await start();
    const focusEvents: boolean[] = [];
    const appended: number[] = [];
    core.events.on('focus:changed', (status) => focusEvents.push(status.active));
    const unsubscribe = core.events.on('journal:appended', ({ lastSeq }) => appended.push(lastSeq));
    await core.focus.set({ active: true });
    await vi.waitFor(() => expect(appended).toEqual([1]));
    unsubscribe();
    await core.focus.set({ active: false });
    await vi.waitFor(() => expect(core.journal.lastSeq()).toBe(2));
    expect(focusEvents).toEqual([true, false]);
    expect(appended).toEqual([1]);
    await core.close();
  });
});

describe('core: scheduled focus in history', () => {
  // T0 is Monday 2025-09-01 15:00 in Berlin (+02:00): inside a 14:00–16:00 block.
  const blockStart = T0 - HOUR_MS;
  const blockEnd = T0 + HOUR_MS;
  const afternoon: FocusRule = {
    id: 'pm',
    name: 'Deep work',
    kind: 'window',
    weekdays: [1, 2, 3, 4, 5],
    start: '14:00',
    end: '16:00',
    zone: 'Europe/Berlin',
    enabled: true,
  };
  /** Focus history once every append so far has landed (the journal is serial). */
  const focusHistory = async (core: TestCore) => {
    await core.journal.append([]);
    return core.journal
      .entries()
      .flatMap((entry) =>
        entry.kind === 'event' && entry.event.type.startsWith('focus-') ? [entry.event] : [],
      );
  };

  it('saving rules that cover now turns focus on at once, and the session is recorded once', async () => {
    const { core, clock } = await start();
    const changed: FocusStatus[] = [];
    core.events.on('focus:changed', (status) => changed.push(status));
    await core.handlers['settings:save-focus-rules']({ rules: [afternoon] });
    expect(changed).toEqual([core.focus.status()]);
    expect(core.focus.status()).toMatchObject({ active: true, cause: 'schedule', since: blockStart });

    clock.advance(blockEnd - T0);
    clock.set(T0); // an NTP correction back into the block that just ended
    core.focus.recompute();
    expect(core.focus.status().active).toBe(true);
    clock.advance(2 * HOUR_MS); // and past its end again
    expect(await focusHistory(core)).toEqual<JournalEvent[]>([
      { type: 'focus-started', at: T0, cause: 'schedule', until: blockEnd, ruleName: 'Deep work' },
      { type: 'focus-ended', at: blockEnd },
    ]);
    await core.close();
  });

  it('a scheduled session started by the timer is recorded with its rule, and survives a restart', async () => {
    const dataDir = await tempDir();
    const clock = createFakeClock(blockStart - 5 * MINUTE_MS);
    const first = await start(dataDir, clock);
    await first.core.handlers['settings:save-focus-rules']({ rules: [afternoon] });
    clock.advance(5 * MINUTE_MS);
    await first.core.close();

    const second = await start(dataDir, createFakeClock(T0));
    second.clock.advance(blockEnd - T0);
    second.clock.set(blockStart); // back to the start, which already fired
    second.core.focus.recompute();
    second.clock.advance(blockEnd - blockStart);
    expect(await focusHistory(second.core)).toEqual<JournalEvent[]>([
      { type: 'focus-started', at: blockStart, cause: 'schedule', until: blockEnd, ruleName: 'Deep work' },
      { type: 'focus-ended', at: blockEnd },
    ]);
    await second.core.close();
  });

  it('records a block already running at launch once, and its end when it ended while closed', async () => {
    const dataDir = await tempDir();
    // Rules saved while the block had not begun; the app is closed before it starts.
    const before = await start(dataDir, createFakeClock(blockStart - HOUR_MS));
    await before.core.handlers['settings:save-focus-rules']({ rules: [afternoon] });
    await before.core.close();

    // Launched in the middle of the block: its start is recorded, at the instant it began.
    const during = await start(dataDir, createFakeClock(T0));
    expect(await focusHistory(during.core)).toEqual<JournalEvent[]>([
      { type: 'focus-started', at: blockStart, cause: 'schedule', until: blockEnd, ruleName: 'Deep work' },
    ]);
    await during.core.close();

    // Launched again in the same block: nothing new. Then after it ended: its end, at the block end.
    const again = await start(dataDir, createFakeClock(T0 + MINUTE_MS));
    expect(await focusHistory(again.core)).toHaveLength(1);
    await again.core.close();
    const after = await start(dataDir, createFakeClock(blockEnd + 3 * HOUR_MS));
    expect((await focusHistory(after.core)).at(-1)).toEqual({ type: 'focus-ended', at: blockEnd });
    await after.core.close();
  });

  it('a manual session that expired while the app was closed is ended in history at its end', async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir);
    await first.core.focus.set({ active: true, minutes: 25 });
    await first.core.close();
    const second = await start(dataDir, createFakeClock(T0 + 2 * HOUR_MS));
    const types = (await focusHistory(second.core)).map((e) => [e.type, e.at]);
    expect(types).toEqual([
      ['focus-started', T0],
      ['focus-ended', T0 + 25 * MINUTE_MS],
    ]);
    await second.core.close();
  });

  it('on resume, recompute() ends a session that expired while the machine slept', async () => {
    const { core, clock } = await start();
    const changed: boolean[] = [];
    core.events.on('focus:changed', (status) => changed.push(status.active));
    await core.focus.set({ active: true, minutes: 25 });
    clock.set(T0 + 3 * HOUR_MS); // asleep: no timer ran
    expect(changed).toEqual([true]);
    core.recompute(); // what the hosts call on resume, unlock and a zone change
    expect(changed).toEqual([true, false]);
    expect((await focusHistory(core)).at(-1)).toEqual({ type: 'focus-ended', at: T0 + 3 * HOUR_MS });
    await core.close();
  });
});

describe('core: API token', () => {
  it('is created once, long enough, readable by the user alone, and the same after a restart', async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir);
    const token = first.core.token();
    expect(token.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, TOKEN_SECRET);
    expect(await fs.readFile(file, 'utf8')).toBe(token);
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    await first.core.close();

    const second = await start(dataDir);
    expect(second.core.token()).toBe(token);
    await second.core.close();
  });

  it('replaces a stored token that is too short to be safe', async () => {
    const dataDir = await tempDir();
    await fs.writeFile(path.join(dataDir, TOKEN_SECRET), 'short', { mode: 0o644 });
    const { core } = await start(dataDir);
    expect(core.token()).not.toBe('short');
    expect(core.token().length).toBeGreaterThanOrEqual(32);
    expect(await fs.readFile(path.join(dataDir, TOKEN_SECRET), 'utf8')).toBe(core.token());
    await core.close();
  });

  it('two data dirs get different tokens', async () => {
    const a = await start();
    const b = await start();
    expect(a.core.token()).not.toBe(b.core.token());
    await a.core.close();
    await b.core.close();
  });
});

describe('core: handlers answer through dispatchCommand', () => {
  it('an unknown command gets an unknown-command envelope', async () => {
    const { core } = await start();
    for (const command of ['focus:explode', 'toString', '__proto__', 42]) {
      const envelope = await dispatchCommand(core.handlers, command, undefined);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    }
    await core.close();
  });

  it('an invalid payload gets invalid-payload, naming the field, and the handler is not called', async () => {
    const { core } = await start();
    const tooLong = await dispatchCommand(core.handlers, 'focus:set', { active: true, minutes: 100_000 });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(!tooLong.ok && tooLong.error.message).toMatch(/^focus:set: minutes: /);
    const negative = await dispatchCommand(core.handlers, 'journal:pull', { sinceSeq: -1 });
    expect(!negative.ok && negative.error.message).toMatch(/sinceSeq/);
    const extra = await dispatchCommand(core.handlers, 'journal:ack', { seq: 1, force: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect(core.focus.status().active).toBe(false);
    await core.close();
  });

  it('valid commands answer ok with the service outcome', async () => {
    const { core } = await start();
    const set = await dispatchCommand(core.handlers, 'focus:set', { active: true, minutes: 30 });
    expect(set).toEqual({
      ok: true,
      value: {
        active: true,
        cause: 'manual',
        ruleName: null,
        since: T0,
        until: T0 + 30 * MINUTE_MS,
        nextChangeAt: T0 + 30 * MINUTE_MS,
        skipping: false,
        nextBlock: null,
      },
    });
    expect(await dispatchCommand(core.handlers, 'focus:get-status', undefined)).toEqual(set);
    await vi.waitFor(() => expect(core.journal.lastSeq()).toBe(1));

    const pulled = await dispatchCommand(core.handlers, 'journal:pull', { sinceSeq: 0 });
    expect(pulled).toMatchObject({ ok: true, value: { lastSeq: 1, entries: [{ seq: 1, kind: 'event' }] } });
    expect(await dispatchCommand(core.handlers, 'journal:ack', { seq: 1 })).toEqual({
      ok: true,
      value: { ackedSeq: 1 },
    });
    await core.close();
  });

  it('app:get-info is not-ready until the host reports its API URL', async () => {
    const { core } = await start();
    expect(await dispatchCommand(core.handlers, 'app:get-info', undefined)).toMatchObject({
      ok: false,
      error: { code: 'not-ready' },
    });
    core.setApiUrl('http://127.0.0.1:4680');
    expect(await dispatchCommand(core.handlers, 'app:get-info', undefined)).toEqual({
      ok: true,
      value: {
        version: '0.0.0-test',
        apiUrl: 'http://127.0.0.1:4680',
        token: core.token(),
        host: 'browser',
        shortcut: null,
      },
    });
    await core.close();
  });

  it('an unexpected failure becomes an internal error without leaking its message', async () => {
    const { core } = await start();
    const handlers = {
      ...core.handlers,
      'focus:get-status': async () => {
        throw new Error('secret path /home/me/.config');
      },
    };
    expect(await dispatchCommand(handlers, 'focus:get-status', undefined)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'focus:get-status failed' },
    });
    await core.close();
  });
});

describe('core: close', () => {
  /** Every file in the data dir with its size and modification time. */
  const files = async (dir: string) => {
    const names = (await fs.readdir(dir)).sort();
    return Promise.all(
      names.map(async (name) => {
        const stat = await fs.stat(path.join(dir, name));
        return `${name}:${stat.size}:${stat.mtimeMs}`;
      }),
    );
  };

  it('stops every service: nothing is written after close(), whatever timers were armed', async () => {
    const dataDir = await tempDir();
    const { core, clock } = await start(dataDir);
    // Armed: a timed focus session ending, a held update for its summary, a snooze waking.
    await core.handlers['focus:set']({ active: true, minutes: 30 });
    await core.handlers['updates:ingest']([
      { source: 'mail', externalId: 'held', channel: 'email', title: 'Held', priority: 'normal' },
      { source: 'mail', externalId: 'snoozed', channel: 'email', title: 'Snoozed', priority: 'normal' },
    ]);
    await core.handlers['inbox:set-state']({
      ids: ['mail/snoozed'],
      state: 'snoozed',
      snoozeUntil: T0 + HOUR_MS,
    });
    await core.close();
    const before = await files(dataDir);
    clock.advance(2 * 24 * HOUR_MS);
    core.recompute();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await files(dataDir)).toEqual(before);
    expect(clock.pendingTimers()).toEqual([]);
    await core.close(); // a second close is harmless
  });
});
