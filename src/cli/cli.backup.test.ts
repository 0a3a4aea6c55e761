/** `lull export` and `lull import` against a real running core, with a stand-in for the window. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOneLineError, runCli, startTestHost } from '../../test/helpers/cli-host';
import type { Core } from '../core/create-core';
import type { BackupItem, InboxBackup } from '../shared/backup-schemas';
import { EXIT } from './io';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeEach(async () => {
  host = await startTestHost();
});
afterEach(() => host.stop());

const lull = (argv: string[], stdin?: string) =>
  runCli([...argv, '--data-dir', host.dataDir], stdin === undefined ? {} : { stdin });

const item = (id: string, status: BackupItem['status']): BackupItem => ({
  id,
  source: 'chat',
  externalId: id,
  channel: 'chat',
  title: `Item ${id}`,
  receivedAt: 1,
  deadline: 2,
  deadlineExplicit: false,
  priority: 'normal',
  ingestedAt: 1,
  status,
  ...(status === 'done' ? { doneAt: 3 } : {}),
});

/** What the open window does: answers exports with its inbox and merges imports into it. */
function windowWith(core: Core, inbox: InboxBackup) {
  core.events.on('backup:requested', (request) => {
    if (request.action === 'export') {
      void core.handlers['backup:respond']({ requestId: request.requestId, ok: true, inbox });
      return;
    }
    const known = new Set(inbox.items.map((i) => i.id));
    const added = request.inbox.items.filter((i) => !known.has(i.id)).length;
    inbox.items.push(...request.inbox.items.filter((i) => !known.has(i.id)));
    void core.handlers['backup:respond']({
      requestId: request.requestId,
      ok: true,
      report: { added, updated: 0, unchanged: request.inbox.items.length - added, historyAdded: 0 },
    });
  });
}

describe('lull export and import', () => {
  it('exports to a file the import takes back without duplicating anything', async () => {
    windowWith(host.core, { items: [item('a', 'done'), item('b', 'open')], history: [] });
    const out = path.join(host.dataDir, 'backup.json');
    const exported = await lull(['export', '--out', out]);
    expect(exported).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(exported.stdout).toBe(`Exported 2 items and 0 history events to ${out}\n`);
    const file = JSON.parse(await fs.readFile(out, 'utf8'));
    expect(file).toMatchObject({ format: 'lull-backup', items: [{ id: 'a', status: 'done' }, { id: 'b' }] });
    expect((await fs.stat(out)).mode & 0o777).toBe(0o600);

    const imported = await lull(['import', out]);
    expect(imported).toMatchObject({ code: EXIT.ok, stderr: '' });
    expect(imported.stdout).toBe('Imported 2 items (0 new, 0 updated, 2 unchanged) and 0 history events\n');
  });

  it('imports from stdin and prints JSON on request', async () => {
    windowWith(host.core, { items: [], history: [] });
    const backup = JSON.parse((await lull(['export'])).stdout);
    backup.items = [item('c', 'snoozed')];
    const result = await lull(['import', '-', '--json'], JSON.stringify(backup));
    expect(JSON.parse(result.stdout)).toMatchObject({ report: { added: 1 } });
  });

  it('says in one line that the window must be open, and refuses a file that is not a backup', async () => {
    const noWindow = await lull(['export']);
    expect(noWindow.code).toBe(EXIT.refused);
    expectOneLineError(noWindow, /The inbox lives in the Lull window: open it/);
    const notBackup = path.join(host.dataDir, 'nope.json');
    await fs.writeFile(notBackup, '{"format":"zip"}');
    const refused = await lull(['import', notBackup]);
    expect(refused.code).toBe(EXIT.refused);
    expectOneLineError(refused, /Not a Lull backup/);
  }, 30_000);
});
