/** The data dir holds the token and every update: on start it is made private to its owner. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import type { Logger } from '../../core/ports';
import { ensureDataDir } from './data-dir';

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = {
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
  return { logger, lines };
}

const modeOf = async (file: string) => (await fs.stat(file)).mode & 0o777;

describe.skipIf(process.platform === 'win32')('ensureDataDir', () => {
  it('creates a missing dir as 0700, saying nothing', async () => {
    const dir = path.join(await tempDir(), 'a', 'Lull');
    const { logger, lines } = recordingLogger();
    await ensureDataDir(dir, logger);
    expect(await modeOf(dir)).toBe(0o700);
    expect(lines).toEqual([]);
  });

  it('tightens an existing 0777 dir to 0700 and its 0644 files to 0600, and says so once', async () => {
    const dir = path.join(await tempDir(), 'Lull');
    await fs.mkdir(dir);
    await fs.chmod(dir, 0o777);
    for (const name of ['journal.jsonl', 'settings.json', 'held.jsonl']) {
      await fs.writeFile(path.join(dir, name), '{}\n');
      await fs.chmod(path.join(dir, name), 0o644);
    }
    await fs.writeFile(path.join(dir, 'journal-ack.json'), '{}');
    await fs.chmod(path.join(dir, 'journal-ack.json'), 0o600);
    // A folder inside is not Lull's (it creates none): left as it is, and so is what it holds.
    await fs.mkdir(path.join(dir, 'other'));
    await fs.chmod(path.join(dir, 'other'), 0o755);
    await fs.writeFile(path.join(dir, 'other', 'note.txt'), 'x');
    await fs.chmod(path.join(dir, 'other', 'note.txt'), 0o644);
    // An owner's execute bit is kept: only group and others lose access.
    await fs.writeFile(path.join(dir, 'script.sh'), '#!/bin/sh\n');
    await fs.chmod(path.join(dir, 'script.sh'), 0o755);

    const { logger, lines } = recordingLogger();
    expect(await ensureDataDir(dir, logger)).toBe(dir);

    expect(await modeOf(dir)).toBe(0o700);
    for (const name of ['journal.jsonl', 'settings.json', 'held.jsonl', 'journal-ack.json']) {
      expect(await modeOf(path.join(dir, name)), name).toBe(0o600);
    }
    expect(await modeOf(path.join(dir, 'script.sh'))).toBe(0o700);
    expect(await modeOf(path.join(dir, 'other'))).toBe(0o755);
    expect(await modeOf(path.join(dir, 'other', 'note.txt'))).toBe(0o644);

    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(dir);
    expect(lines[0]).toContain('the folder 0777 → 0700');
    expect(lines[0]).toContain('journal.jsonl 0644 → 0600');
    expect(lines[0]).not.toContain('journal-ack.json');

    // The next start finds nothing to do and says nothing.
    const again = recordingLogger();
    await ensureDataDir(dir, again.logger);
    expect(again.lines).toEqual([]);
  });

  it('leaves what a symbolic link points to alone', async () => {
    const root = await tempDir();
    const outside = path.join(root, 'outside.txt');
    await fs.writeFile(outside, 'x');
    await fs.chmod(outside, 0o644);
    const dir = path.join(root, 'Lull');
    await fs.mkdir(dir, { mode: 0o700 });
    await fs.symlink(outside, path.join(dir, 'link'));
    await ensureDataDir(dir, recordingLogger().logger);
    expect(await modeOf(outside)).toBe(0o644);
  });
});
