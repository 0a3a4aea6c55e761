import type { IpcMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, invokeEventFrom, ipcMain, resetElectronFake } from '../../../test/fakes/electron';
import { createTestCore } from '../../../test/helpers/test-core';
import type { Core } from '../../core/create-core';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/ipc-channels';
import { forwardCoreEvents, registerIpcHandlers, trustAppFrames } from './ipc';
import { createAppOrigin } from './windows/app-origin';

describe('IPC from the inbox to the core', () => {
  let core: Core;
  let dispose: () => Promise<void>;
  let unregister: () => void;
  const call = (frameUrl: string | null, command: unknown, payload?: unknown) =>
    ipcMain.invoke(IPC_INVOKE_CHANNEL, invokeEventFrom(frameUrl), command, payload);

  beforeEach(async () => {
    resetElectronFake();
    ({ core, dispose } = await createTestCore());
    unregister = registerIpcHandlers(
      ipcMain as unknown as IpcMain,
      core.handlers,
      trustAppFrames(createAppOrigin()),
    );
  });
  afterEach(() => dispose());

  it('answers the app origin with the core', async () => {
    await expect(
      call('lull://app/index.html', 'focus:set', { active: true, minutes: 25 }),
    ).resolves.toMatchObject({
      ok: true,
      value: { active: true, cause: 'manual' },
    });
    expect(core.focus.status().active).toBe(true);
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
    expect(core.focus.status().active).toBe(false);
  });

  it('validates payloads with the contract', async () => {
    const minutes = await call('lull://app/index.html', 'focus:set', { active: true, minutes: -5 });
    expect(minutes).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const extra = await call('lull://app/index.html', 'journal:ack', { seq: 1, sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    const unknown = await call('lull://app/index.html', 'shell:exec', { cmd: 'rm -rf /' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(core.focus.status().active).toBe(false);
  });

  it('trusts the dev server origin only in development', async () => {
    unregister();
    registerIpcHandlers(
      ipcMain as unknown as IpcMain,
      core.handlers,
      trustAppFrames(createAppOrigin('http://localhost:5173/')),
    );
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
  beforeEach(() => resetElectronFake());

  it('forwards every contract event until stopped, and skips a destroyed window', async () => {
    const { core, dispose } = await createTestCore();
    try {
      const win = new FakeBrowserWindow();
      const stop = forwardCoreEvents(core.events, () => win.webContents as never);
      await core.focus.set({ active: true });
      // Starting focus also records a focus-started event in the journal.
      await vi.waitFor(() => expect(win.webContents.sent).toHaveLength(2));
      core.events.emit('journal:appended', { lastSeq: 7 });
      expect(win.webContents.sent).toEqual([
        { channel: IPC_EVENT_CHANNEL, args: ['focus:changed', expect.objectContaining({ active: true })] },
        { channel: IPC_EVENT_CHANNEL, args: ['journal:appended', { lastSeq: 1 }] },
        { channel: IPC_EVENT_CHANNEL, args: ['journal:appended', { lastSeq: 7 }] },
      ]);

      win.destroy();
      expect(() => core.events.emit('journal:appended', { lastSeq: 8 })).not.toThrow();
      stop();
      const sent = win.webContents.sent.length;
      core.events.emit('journal:appended', { lastSeq: 9 });
      expect(win.webContents.sent).toHaveLength(sent);
    } finally {
      await dispose();
    }
  });
});
