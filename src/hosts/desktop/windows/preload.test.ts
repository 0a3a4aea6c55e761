import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contextBridge, ipcMain, ipcRenderer } from '../../../../test/fakes/electron';
import { focusStatus } from '../../../../test/helpers/core-commands';
import { createTestCore, type TestCore } from '../../../../test/helpers/test-core';
import { eventKey, methodPath } from '../../../shared/bridge';
import type { LullApi } from '../../../shared/contract';
import { COMMAND_NAMES, EVENT_NAMES } from '../../../shared/contract-names';
import { IPC_EVENT_CHANNEL } from '../../../shared/ipc-channels';
import { registerIpcHandlers, trustAppFrames } from '../ipc';
import { createAppOrigin } from './app-origin';

describe('the preload bridge', () => {
  let core: TestCore;
  let dispose: () => Promise<void>;
  let unregister: () => void;
  let exposed: Map<string, unknown>;
  const loadPreload = async () => exposed.get('lull') as LullApi;

  // The preload runs once, as in a window: importing it (its `electron` is the fake) exposes the bridge.
  beforeAll(async () => {
    await import('../../../preload/index');
    exposed = new Map(contextBridge.exposed);
  });

  beforeEach(async () => {
    ({ core, dispose } = await createTestCore());
    ipcRenderer.frameUrl = 'lull://app/index.html';
    unregister = registerIpcHandlers(ipcMain, core.handlers, trustAppFrames(createAppOrigin()));
  });
  afterEach(async () => {
    unregister();
    await dispose();
  });

  it('exposes exactly window.lull, with every command and event of the contract', async () => {
    const lull = (await loadPreload()) as unknown as Record<string, Record<string, unknown>>;
    expect([...exposed.keys()]).toEqual(['lull']);
    for (const command of COMMAND_NAMES) {
      const [domain, method] = methodPath(command);
      expect(typeof lull[domain]?.[method], command).toBe('function');
    }
    for (const event of EVENT_NAMES) expect(typeof lull[eventKey(event)], event).toBe('function');
    const exposedKeys = Object.keys(lull).sort();
    const contractKeys = [
      ...new Set([...COMMAND_NAMES.map((c) => methodPath(c)[0]), ...EVENT_NAMES.map(eventKey)]),
    ];
    expect(exposedKeys).toEqual(contractKeys.sort());
  });

  it('never exposes ipcRenderer or its methods', async () => {
    const lull = await loadPreload();
    const seen = new Set<unknown>();
    const walk = (value: unknown) => {
      if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value))
        return;
      seen.add(value);
      for (const key of Object.keys(value)) walk((value as Record<string, unknown>)[key]);
    };
    walk(lull);
    expect(seen.has(ipcRenderer)).toBe(false);
    expect(seen.has(ipcRenderer.invoke)).toBe(false);
    expect(seen.has(ipcRenderer.on)).toBe(false);
  });

  it('calls the core through main, and rejects what the contract refuses', async () => {
    const lull = await loadPreload();
    await expect(lull.focus.set({ active: true, minutes: 25 })).resolves.toMatchObject({ active: true });
    expect((await focusStatus(core)).active).toBe(true);
    await expect(lull.focus.set({ active: true, minutes: 0 })).rejects.toMatchObject({
      code: 'invalid-payload',
    });
  });

  it('is refused by main when the page is not the app', async () => {
    const lull = await loadPreload();
    ipcRenderer.frameUrl = 'https://evil.example/';
    await expect(lull.focus.getStatus()).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('delivers each event to its own listeners, and unsubscribe removes exactly that listener', async () => {
    const lull = await loadPreload();
    const focusChanges: unknown[] = [];
    const appended: unknown[] = [];
    const before = ipcRenderer.listenerCount(IPC_EVENT_CHANNEL);
    const stopFocus = lull.onFocusChanged((status) => focusChanges.push(status.active));
    const stopJournal = lull.onJournalAppended((page) => appended.push(page.lastSeq));
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(before + 2);

    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, 'focus:changed', {
      active: true,
      cause: 'manual',
      since: 1,
      until: null,
    });
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, 'journal:appended', { lastSeq: 3 });
    expect(focusChanges).toEqual([true]);
    expect(appended).toEqual([3]);

    stopFocus();
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(before + 1);
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, 'focus:changed', {
      active: false,
      cause: null,
      since: null,
      until: null,
    });
    ipcRenderer.emit(IPC_EVENT_CHANNEL, {}, 'journal:appended', { lastSeq: 4 });
    expect(focusChanges).toEqual([true]);
    expect(appended).toEqual([3, 4]);

    stopJournal();
    stopJournal();
    expect(ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(before);
  });
});
