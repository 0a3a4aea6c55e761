import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeIpcMain, FakeWebContents, invokeEventFrom } from '../../../test/fakes/electron';
import { focusStatus } from '../../../test/helpers/core-commands';
import { createTestCore, startTestCore, type TestCore } from '../../../test/helpers/test-core';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/ipc-channels';
import { forwardCoreEvents, registerIpcHandlers, trustAppFrames } from './ipc';
import { createAppOrigin } from './windows/app-origin';

describe('IPC from the inbox to the core', () => {
  let core: TestCore;
  let dispose: () => Promise<void>;
  let unregister: () => void;
  let ipcMain: FakeIpcMain;
  const call = (frameUrl: string | null, command: unknown, payload?: unknown) =>
    ipcMain.invoke(IPC_INVOKE_CHANNEL, invokeEventFrom(frameUrl), command, payload);

  beforeEach(async () => {
    ({ core, dispose } = await createTestCore());
    ipcMain = new FakeIpcMain();
    unregister = registerIpcHandlers(ipcMain, core.handlers, trustAppFrames(createAppOrigin()));
  });
  afterEach(() => dispose());

  it('answers the app origin with the core', async () => {
    await expect(
      call('lull://app/index.html', 'focus:set', { active: true, minutes: 25 }),
    ).resolves.toMatchObject({
      ok: true,
      value: { active: true, cause: 'manual' },
    });
    expect((await focusStatus(core)).active).toBe(true);
    await expect(call('lull://app/index.html#inbox', 'focus:get-status')).resolves.toMatchObject({
      ok: true,
      value: { active: true },
    });
  });

  it('refuses frames that are not the app, without touching the core', async () => {
    for (const url of [
      'https://evil.example/',
      'file:///tmp/x.html',
      'lull://evil/index.html',
      'about:blank',
      null,
    ]) {
      await expect(call(url, 'focus:set', { active: true })).resolves.toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'Only the Lull inbox may call the core' },
      });
    }
    expect((await focusStatus(core)).active).toBe(false);
  });

  it('validates payloads with the contract', async () => {
    const minutes = await call('lull://app/index.html', 'focus:set', { active: true, minutes: -5 });
    expect(minutes).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const extra = await call('lull://app/index.html', 'journal:ack', { seq: 1, sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const unknown = await call('lull://app/index.html', 'shell:exec', { cmd: 'rm -rf /' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect((await focusStatus(core)).active).toBe(false);
  });

  it('trusts the dev server origin only in development', async () => {
    unregister();
    registerIpcHandlers(ipcMain, core.handlers, trustAppFrames(createAppOrigin('http://localhost:5173/')));
    await expect(call('http://localhost:5173/', 'focus:get-status')).resolves.toMatchObject({ ok: true });
    await expect(call('lull://app/index.html', 'focus:get-status')).resolves.toMatchObject({ ok: false });
  });

  it('unregisters its one handler', async () => {
    expect([...ipcMain.handlers.keys()]).toEqual([IPC_INVOKE_CHANNEL]);
    unregister();
    await expect(call('lull://app/index.html', 'focus:get-status')).rejects.toThrow(/No handler registered/);
  });
});

describe('core events to the window', () => {
  it('forwards every contract event until stopped, and skips a destroyed window', async () => {
    const core = await startTestCore();
    const page = new FakeWebContents();
    const stop = forwardCoreEvents(core.events, () => page);
    await core.invoke('focus:set', { active: true });
    // Starting focus also records a focus-started event in the journal.
    await vi.waitFor(() => expect(page.sent).toHaveLength(2));
    core.events.emit('journal:appended', { lastSeq: 7 });
    expect(page.sent).toEqual([
      { channel: IPC_EVENT_CHANNEL, args: ['focus:changed', expect.objectContaining({ active: true })] },
      { channel: IPC_EVENT_CHANNEL, args: ['journal:appended', { lastSeq: 1 }] },
      { channel: IPC_EVENT_CHANNEL, args: ['journal:appended', { lastSeq: 7 }] },
    ]);

    page.destroyed = true; // send() would throw now
    expect(() => core.events.emit('journal:appended', { lastSeq: 8 })).not.toThrow();
    page.destroyed = false;
    stop();
    core.events.emit('journal:appended', { lastSeq: 9 });
    expect(page.sent).toHaveLength(3);
  });
});
