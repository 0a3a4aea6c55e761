import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import type { HeldItem } from '../../shared/digest-schemas';
import { silentLogger } from '../ports';
import { HELD_FILE, openHeldQueue } from './held-queue';

const held = (n: number): HeldItem => ({
  id: `src/${n}`,
  title: `Item ${n}`,
  channel: 'email',
  deadline: 1_000 + n,
  heldAt: 500,
});

const inode = async (file: string) => (await fs.stat(file)).ino;
const lines = async (file: string) => (await fs.readFile(file, 'utf8')).split('\n').length - 1;

describe('held queue compaction', () => {
  it('appends instead of rewriting the whole file once thousands are held, and compacts dropped items away', async () => {
    const dataDir = await tempDir();
    const file = path.join(dataDir, HELD_FILE);
    const queue = await openHeldQueue({ dataDir, logger: silentLogger });
    for (let n = 0; n < 2_100; n++) await queue.hold([held(n)]);
    // Past 2,000 records, but none of them garbage: a further hold appends to the same file.
    const before = await inode(file);
    await queue.hold([held(2_100)]);
    expect(await inode(file)).toBe(before);
    expect(await lines(file)).toBe(2_101);

    for (let n = 0; n < 2_050; n++) await queue.drop([`src/${n}`]);
    expect(await lines(file)).toBeLessThan(2_101 + 2_050);
    await queue.close();

    const reopened = await openHeldQueue({ dataDir, logger: silentLogger });
    expect(reopened.items().map((item) => item.id)).toEqual(
      Array.from({ length: 51 }, (_, i) => `src/${2_050 + i}`),
    );
    await reopened.close();
  });
});
