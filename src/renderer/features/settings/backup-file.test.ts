import { describe, expect, it } from 'vitest';
import { backupFileName, buildBackup, importSummary, readBackup } from './backup-file';

describe('backup file helpers', () => {
  it('names the file by the local day', () => {
    expect(backupFileName(new Date(2026, 10, 1, 9, 30).getTime())).toBe('lull-backup-2026-11-01.json');
  });

  it('reads back what it builds', () => {
    const backup = buildBackup({ items: [], history: [] }, { version: 4 }, 1_000);
    expect(readBackup(JSON.stringify(backup))).toEqual({ ok: true, backup });
  });

  it('says in words why a file is refused', () => {
    expect(readBackup('{oops')).toEqual({
      ok: false,
      error: 'This file is not a Lull backup: it is not JSON.',
    });
    expect(readBackup('{"format":"other"}')).toEqual({ ok: false, error: 'This file is not a Lull backup.' });
    const future = { ...buildBackup({ items: [], history: [] }, {}, 1), version: 99 };
    expect(readBackup(JSON.stringify(future))).toMatchObject({
      error: expect.stringMatching(/another version/),
    });
    const damaged = { ...buildBackup({ items: [], history: [] }, {}, 1), items: [{ id: 1 }] };
    expect(readBackup(JSON.stringify(damaged))).toMatchObject({
      error: expect.stringMatching(/^This backup is damaged: items\.0/),
    });
  });

  it('summarises an import', () => {
    expect(importSummary({ added: 3, updated: 9, unchanged: 0, historyAdded: 4 })).toBe(
      'Imported 12 items (3 new, 9 updated) and 4 history events.',
    );
    expect(importSummary({ added: 0, updated: 0, unchanged: 1, historyAdded: 1 })).toBe(
      'Imported 1 item (0 new, 0 updated, 1 already up to date) and 1 history event.',
    );
  });
});
