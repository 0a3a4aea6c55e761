import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock';
import { startTestCore, type TestCore } from '../../../test/helpers/test-core';
import { type BackupItem, type InboxBackup, mergeBackupItem } from '../../shared/backup-schemas';
import type { EventPayload } from '../../shared/contract';
import { defaultSettings } from '../../shared/settings-schema';
import { createHttpApp } from './server';

const T0 = Date.UTC(2026, 10, 18, 9, 0);
const item = (id: string, extra: Partial<BackupItem> = {}): BackupItem => ({
  id,
  source: 'chat',
  externalId: id.split('/')[1] ?? id,
  channel: 'chat',
  title: `Item ${id}`,
  receivedAt: T0,
  deadline: T0 + 4 * 3_600_000,
  deadlineExplicit: false,
  priority: 'normal',
  ingestedAt: T0,
  status: 'open',
  ...extra,
});

/** Plays the window: answers export with `inbox`, and records what it was asked to import. */
function fakeWindow(core: TestCore, inbox: InboxBackup) {
  const asked: EventPayload<'backup:requested'>[] = [];
  core.events.on('backup:requested', (request) => {
    asked.push(request);
    void core.handlers['backup:respond'](
      request.action === 'export'
        ? { requestId: request.requestId, ok: true, inbox }
        : {
            requestId: request.requestId,
            ok: true,
            report: { added: request.inbox.items.length, updated: 0, unchanged: 0, historyAdded: 0 },
          },
    );
  });
  return asked;
}

describe('backup relay', () => {
  it('exports the window inbox with the core settings in one file', async () => {
    const core = await startTestCore({ clock: createFakeClock(T0) });
    const inbox = { items: [item('chat/a', { status: 'done', doneAt: T0 + 1 })], history: [] };
    fakeWindow(core, inbox);
    const backup = await core.backup.exportBackup();
    expect(backup).toMatchObject({ format: 'lull-backup', version: 1, exportedAt: T0, items: inbox.items });
    expect(backup.settings).toEqual(core.settings.get());
  });

  it('fails in words when no window answers', async () => {
    const clock = createFakeClock(T0);
    const core = await startTestCore({ clock });
    const pending = core.backup.exportBackup();
    clock.advance(10_000);
    await expect(pending).rejects.toMatchObject({
      code: 'no-window',
      message: expect.stringContaining('open it'),
    });
  });

  it('validates settings before the window merges anything, and restores them after', async () => {
    const core = await startTestCore({ clock: createFakeClock(T0) });
    const asked = fakeWindow(core, { items: [], history: [] });
    const settings = {
      ...defaultSettings(),
      delivery: { ...defaultSettings().delivery, summaryTimes: ['11:00'] },
    };
    const bad = { ...settings, charter: { ...settings.charter, chat: { hours: -3, clock: 'working' } } };
    const file = { format: 'lull-backup', version: 1, exportedAt: T0, items: [item('chat/a')], history: [] };
    await expect(core.backup.importBackup({ ...file, settings: bad })).rejects.toMatchObject({
      code: 'invalid-settings',
    });
    expect(asked).toEqual([]);
    await expect(core.backup.importBackup({ format: 'zip' })).rejects.toMatchObject({
      code: 'invalid-backup',
    });

    const result = await core.backup.importBackup({ ...file, settings });
    expect(result.report.added).toBe(1);
    expect(asked.map((a) => a.action)).toEqual(['import']);
    expect(core.settings.get().delivery.summaryTimes).toEqual(['11:00']);
  });

  it('serves GET and POST /v1/backup, with 409 when no window answers', async () => {
    const clock = createFakeClock(T0);
    const core = await startTestCore({ clock });
    const { app } = await createHttpApp(core, { port: 4680 });
    const headers = { host: '127.0.0.1:4680', authorization: `Bearer ${core.token()}` };
    const pending = app.inject({ method: 'GET', url: '/v1/backup', headers });
    await new Promise((resolve) => setTimeout(resolve, 20));
    clock.advance(10_000);
    const refused = await pending;
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('no-window');

    fakeWindow(core, { items: [item('chat/a')], history: [] });
    const exported = await app.inject({ method: 'GET', url: '/v1/backup', headers });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('lull-backup-2026-11-18.json');
    const imported = await app.inject({
      method: 'POST',
      url: '/v1/backup',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: exported.body,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({
      report: { added: 1, updated: 0, unchanged: 0, historyAdded: 0 },
      settingsVersion: core.settings.get().version,
    });
    await app.close();
  });
});

describe('merging one backed-up item', () => {
  it.each<[string, Partial<BackupItem>, Partial<BackupItem>, Partial<BackupItem>]>([
    ['a new item is taken as is', {}, { status: 'done', doneAt: 5 }, { status: 'done', doneAt: 5 }],
    [
      'local done stays done against an open copy',
      { status: 'done', doneAt: 5 },
      {},
      { status: 'done', doneAt: 5 },
    ],
    [
      'an imported done marks an open item done',
      {},
      { status: 'done', doneAt: 7 },
      { status: 'done', doneAt: 7 },
    ],
    [
      'the later act wins between two states',
      { status: 'snoozed', snoozedUntil: 9 },
      { status: 'done', doneAt: 3 },
      { status: 'snoozed', snoozedUntil: 9 },
    ],
  ])('%s', (name, local, incoming, expected) => {
    const merged = mergeBackupItem(
      name.startsWith('a new') ? undefined : item('chat/a', local),
      item('chat/a', incoming),
    );
    expect(merged).toMatchObject(expected);
    if (expected.status !== 'done') expect(merged.doneAt).toBeUndefined();
  });

  it('takes the content of the most recently ingested copy, keeping the user state', () => {
    const local = item('chat/a', { title: 'Old', ingestedAt: T0, status: 'done', doneAt: T0 + 5 });
    const newer = item('chat/a', { title: 'New', ingestedAt: T0 + 10 });
    expect(mergeBackupItem(local, newer)).toMatchObject({ title: 'New', status: 'done', doneAt: T0 + 5 });
  });
});
