/** A settings.json that cannot be read stops Lull with words: which file, and what to do about it. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../test/helpers/fake-clock';
import { tempDir } from '../../../test/helpers/temp-dir';
import { silentLogger } from '../ports';
import { createSettingsStore, SETTINGS_FILE } from './settings-store';

describe('settings.json that cannot be read', () => {
  it('is a directory: the error names the full path and says to move it away', async () => {
    const dataDir = await tempDir();
    const file = path.join(dataDir, SETTINGS_FILE);
    await fs.mkdir(file);
    await fs.writeFile(path.join(file, 'keep.txt'), 'the user’s');
    const failure = await createSettingsStore({
      dataDir,
      clock: createFakeClock(0),
      logger: silentLogger,
    }).catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe(
      `${file} is a directory, not a file: move it away and start Lull again.`,
    );
    expect((failure as Error).message).not.toMatch(/EISDIR.*read/);
    // Nothing of the user's was moved or removed.
    expect(await fs.readFile(path.join(file, 'keep.txt'), 'utf8')).toBe('the user’s');
  });
});
