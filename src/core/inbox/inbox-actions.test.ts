import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock';
import { tempDir } from '../../../test/helpers/temp-dir';
import { createTestCore, journalItems } from '../../../test/helpers/test-core';
import { HOUR_MS } from '../../shared/channels';
import { dispatchCommand } from '../../shared/contract';
import { updateInputSchema } from '../../shared/schemas';
import { ACTIONS_FILE } from './action-registry';
import { DEADLINE_OVERRIDES_FILE } from './deadline-overrides';

const T0 = Date.UTC(2026, 10, 18, 9, 30); // Wednesday, working hours (the test core's zone is UTC)
const A = '6f1c2b7e-8d4a-4f3b-9c2e-1a5b7d9e0f01';
const B = '6f1c2b7e-8d4a-4f3b-9c2e-1a5b7d9e0f02';
const C = '6f1c2b7e-8d4a-4f3b-9c2e-1a5b7d9e0f03';

const update = (externalId: string) =>
  updateInputSchema.parse({ source: 'chat', externalId, channel: 'chat', title: externalId });

async function start(dataDir?: string) {
  const test = await createTestCore({ clock: createFakeClock(T0), dataDir: dataDir ?? (await tempDir()) });
  return test;
}

const appliedActions = async (dataDir: string) =>
  (
    JSON.parse(await fs.readFile(path.join(dataDir, ACTIONS_FILE), 'utf8')) as {
      actions: Array<{ id: string; at: number; command: string; ids: string[] }>;
    }
  ).actions;

describe('inbox:set-state with an action id', () => {
  it('a replayed snooze after a reopen changes nothing', async () => {
    const { core, dataDir } = await start();
    await core.ingest.ingest([update('a')]);
    const snooze = { ids: ['chat/a'], state: 'snoozed' as const, snoozeUntil: T0 + HOUR_MS, actionId: A };
    expect(await core.handlers['inbox:set-state'](snooze)).toEqual({ updated: 1 });
    expect(core.ingest.known('chat/a')).toBeDefined();
    await core.handlers['inbox:set-state']({ ids: ['chat/a'], state: 'open', actionId: B });
    expect(await dispatchCommand(core.handlers, 'inbox:set-state', snooze)).toEqual({
      ok: true,
      value: { updated: 0, duplicate: true },
    });
    // Had the replay applied, a wake-up would be armed again.
    const wakeFile = JSON.parse(await fs.readFile(path.join(dataDir, 'snoozes.json'), 'utf8'));
    expect(wakeFile).toEqual({});
    expect((await appliedActions(dataDir)).map((a) => [a.id, a.command, a.ids])).toEqual([
      [A, 'inbox:set-state', ['chat/a']],
      [B, 'inbox:set-state', ['chat/a']],
    ]);
    await core.close();
  });

  it('a replayed done does not touch the held queue again; one without an id still does', async () => {
    const { core } = await start();
    await core.focus.set({ active: true, minutes: 30 });
    await core.ingest.ingest([update('a')]);
    expect(core.delivery.status().heldCount).toBe(1);
    const drop = vi.spyOn(core.delivery, 'drop');
    const done = { ids: ['chat/a'], state: 'done' as const, actionId: A };
    await core.handlers['inbox:set-state'](done);
    expect(core.delivery.status().heldCount).toBe(0);
    await core.handlers['inbox:set-state']({ ids: ['chat/a'], state: 'open', actionId: B });
    expect(await core.handlers['inbox:set-state'](done)).toEqual({ updated: 0, duplicate: true });
    expect(drop).toHaveBeenCalledTimes(1);
    await core.handlers['inbox:set-state']({ ids: ['chat/a'], state: 'done' });
    await core.handlers['inbox:set-state']({ ids: ['chat/a'], state: 'done' });
    expect(drop).toHaveBeenCalledTimes(3);
    await core.close();
  });

  it('remembers applied actions across a restart, each in the file exactly once', async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir);
    await first.core.ingest.ingest([update('a')]);
    const snooze = { ids: ['chat/a'], state: 'snoozed' as const, snoozeUntil: T0 + HOUR_MS, actionId: A };
    await first.core.handlers['inbox:set-state'](snooze);
    await first.core.handlers['inbox:set-state']({ ids: ['chat/a'], state: 'open', actionId: B });
    await first.dispose();

    const second = await start(dataDir);
    expect(await second.core.handlers['inbox:set-state'](snooze)).toEqual({ updated: 0, duplicate: true });
    expect(await second.core.handlers['inbox:set-state']({ ...snooze, actionId: C })).toEqual({ updated: 1 });
    const actions = await appliedActions(dataDir);
    expect(actions.filter((a) => a.id === A)).toHaveLength(1);
    expect(actions.map((a) => a.id)).toEqual([A, B, C]);
    await second.dispose();
  });

  it('starts with an empty memory from a corrupt file, and never crashes', async () => {
    const dataDir = await tempDir();
    await fs.writeFile(path.join(dataDir, ACTIONS_FILE), '{"actions": [{"id": ');
    const { core } = await start(dataDir);
    await core.ingest.ingest([update('a')]);
    expect(await core.handlers['inbox:set-state']({ ids: ['chat/a'], state: 'done', actionId: A })).toEqual({
      updated: 1,
    });
    expect((await appliedActions(dataDir)).map((a) => a.id)).toEqual([A]);
    await core.close();
  });

  it('refuses an action id that is not a UUID', async () => {
    const { core } = await start();
    const answer = await dispatchCommand(core.handlers, 'inbox:set-state', {
      ids: ['chat/a'],
      state: 'done',
      actionId: 'again',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    await core.close();
  });
});

describe('inbox:set-deadline', () => {
  const latest = (core: Awaited<ReturnType<typeof start>>['core'], id: string) =>
    journalItems(core).findLast((item) => item.id === id);

  it('journals the item again with the new deadline, marked explicit', async () => {
    const { core } = await start();
    await core.ingest.ingest([update('a')]);
    const before = journalItems(core).length;
    const at = T0 + 48 * HOUR_MS;
    expect(await core.handlers['inbox:set-deadline']({ id: 'chat/a', deadline: at })).toEqual({
      deadline: at,
    });
    expect(journalItems(core)).toHaveLength(before + 1);
    expect(latest(core, 'chat/a')).toMatchObject({ id: 'chat/a', deadline: at, deadlineExplicit: true });
    expect(core.ingest.known('chat/a')).toMatchObject({ deadline: at, deadlineExplicit: true });
    await core.close();
  });

  it('keeps the user’s deadline through a charter change, a re-send and a restart', async () => {
    const dataDir = await tempDir();
    const first = await start(dataDir);
    await first.core.ingest.ingest([update('a'), update('b')]);
    const at = T0 + 48 * HOUR_MS;
    await first.core.handlers['inbox:set-deadline']({ id: 'chat/a', deadline: at });
    const charter = first.core.settings.get().charter;
    const { recomputed } = await first.core.handlers['settings:save-charter']({
      charter: { ...charter, chat: { hours: 1, clock: 'working' } },
    });
    expect(recomputed).toBe(1); // chat/b only
    expect(latest(first.core, 'chat/a')?.deadline).toBe(at);
    await first.core.ingest.ingest([update('a')]);
    expect(latest(first.core, 'chat/a')).toMatchObject({ deadline: at, deadlineExplicit: true });
    await first.dispose();

    const second = await start(dataDir);
    await second.core.handlers['settings:save-charter']({
      charter: { ...charter, chat: { hours: 2, clock: 'working' } },
    });
    await second.core.ingest.ingest([update('a')]);
    expect(second.core.ingest.known('chat/a')).toMatchObject({ deadline: at, deadlineExplicit: true });
    await second.dispose();
  });

  it('null goes back to the charter’s deadline, as it is now', async () => {
    const { core } = await start();
    await core.ingest.ingest([update('a')]);
    const charterDeadline = core.ingest.known('chat/a')!.deadline;
    await core.handlers['inbox:set-deadline']({ id: 'chat/a', deadline: T0 + 48 * HOUR_MS });
    expect(await core.handlers['inbox:set-deadline']({ id: 'chat/a', deadline: null })).toEqual({
      deadline: charterDeadline,
    });
    expect(latest(core, 'chat/a')).toMatchObject({ deadline: charterDeadline, deadlineExplicit: false });
    // Without an override it follows the charter again.
    const charter = core.settings.get().charter;
    expect(
      (
        await core.handlers['settings:save-charter']({
          charter: { ...charter, chat: { hours: 1, clock: 'working' } },
        })
      ).recomputed,
    ).toBe(1);
    await core.close();
  });

  it('null goes back to the deadline the source gave, when it gave one', async () => {
    const { core } = await start();
    const sourceDeadline = T0 + 5 * HOUR_MS;
    await core.ingest.ingest([{ ...update('a'), deadline: sourceDeadline }]);
    await core.handlers['inbox:set-deadline']({ id: 'chat/a', deadline: T0 + 48 * HOUR_MS });
    // The source moves its own deadline meanwhile; the user's still wins.
    await core.ingest.ingest([{ ...update('a'), deadline: sourceDeadline + HOUR_MS }]);
    expect(core.ingest.known('chat/a')?.deadline).toBe(T0 + 48 * HOUR_MS);
    expect(await core.handlers['inbox:set-deadline']({ id: 'chat/a', deadline: null })).toEqual({
      deadline: sourceDeadline + HOUR_MS,
    });
    expect(latest(core, 'chat/a')).toMatchObject({ deadlineExplicit: true });
    await core.close();
  });

  it('a replayed action id changes nothing and answers the deadline as it is', async () => {
    const { core, dataDir } = await start();
    await core.ingest.ingest([update('a')]);
    const first = { id: 'chat/a', deadline: T0 + 48 * HOUR_MS, actionId: A };
    await core.handlers['inbox:set-deadline'](first);
    await core.handlers['inbox:set-deadline']({ id: 'chat/a', deadline: T0 + 72 * HOUR_MS, actionId: B });
    const entries = journalItems(core).length;
    expect(await core.handlers['inbox:set-deadline'](first)).toEqual({
      deadline: T0 + 72 * HOUR_MS,
      duplicate: true,
    });
    expect(journalItems(core)).toHaveLength(entries);
    expect((await appliedActions(dataDir)).map((a) => [a.id, a.command, a.ids])).toEqual([
      [A, 'inbox:set-deadline', ['chat/a']],
      [B, 'inbox:set-deadline', ['chat/a']],
    ]);
    await core.close();
  });

  it('forgets the user’s deadline of a retracted item', async () => {
    const { core } = await start();
    await core.ingest.ingest([update('a')]);
    const charterDeadline = core.ingest.known('chat/a')!.deadline;
    await core.handlers['inbox:set-deadline']({ id: 'chat/a', deadline: T0 + 48 * HOUR_MS });
    await core.ingest.retract('chat/a');
    await core.ingest.ingest([update('a')]);
    expect(core.ingest.known('chat/a')).toMatchObject({ deadline: charterDeadline, deadlineExplicit: false });
    await core.close();
  });

  it('starts without overrides from a corrupt file, and never crashes', async () => {
    const dataDir = await tempDir();
    await fs.writeFile(path.join(dataDir, DEADLINE_OVERRIDES_FILE), 'nope');
    const { core } = await start(dataDir);
    await core.ingest.ingest([update('a')]);
    expect(await core.handlers['inbox:set-deadline']({ id: 'chat/a', deadline: T0 + HOUR_MS })).toEqual({
      deadline: T0 + HOUR_MS,
    });
    const saved = JSON.parse(await fs.readFile(path.join(dataDir, DEADLINE_OVERRIDES_FILE), 'utf8'));
    expect(saved).toEqual({ 'chat/a': { deadline: T0 + HOUR_MS, source: null } });
    await core.close();
  });

  it('answers not-found for an unknown item, and refuses bad payloads', async () => {
    const { core } = await start();
    expect(
      await dispatchCommand(core.handlers, 'inbox:set-deadline', { id: 'chat/nope', deadline: T0 }),
    ).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No item chat/nope' },
    });
    for (const payload of [
      { id: 'chat/a', deadline: -1 },
      { id: 'chat/a', deadline: '2026-11-20' },
      { id: 'chat/a', deadline: 1.5 },
      { id: 'chat/a' },
      { id: '', deadline: T0 },
      { id: 'chat/a', deadline: T0, extra: true },
      { id: 'chat/a', deadline: T0, actionId: 'not-a-uuid' },
    ]) {
      expect(
        await dispatchCommand(core.handlers, 'inbox:set-deadline', payload),
        JSON.stringify(payload),
      ).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    }
    await core.close();
  });
});
