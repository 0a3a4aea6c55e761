import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InboxItem } from '../../src/shared/schemas';
import { createTestCore } from '../helpers/test-core';

const PROC_IO = '/proc/self/io';
/** Bytes this process has handed to write(2) and friends: every file write, in-process here. */
const written = () => Number(/wchar: (\d+)/.exec(readFileSync(PROC_IO, 'utf8'))?.[1]);

const remembered = (n: number): InboxItem => ({
  id: `seed/${n}`,
  source: 'seed',
  externalId: String(n),
  channel: 'chat',
  title: `Seeded ${n}`,
  receivedAt: 1_800_000_000_000,
  deadline: 1_800_000_000_000,
  deadlineExplicit: false,
  priority: 'normal',
  ingestedAt: 1_800_000_000_000,
});

describe('bytes written per update', () => {
  it.skipIf(!existsSync(PROC_IO))(
    'stay a small constant with 100,000 items remembered and a window acking each one (/proc/self/io)',
    async () => {
      const { core, dispose } = await createTestCore();
      try {
        for (let start = 0; start < 100_000; start += 5_000) {
          await core.store.put(Array.from({ length: 5_000 }, (_, i) => remembered(start + i)));
        }
        await core.store.snapshot();
        const updates = Array.from({ length: 1_000 }, (_, n) => ({
          source: 'bench',
          externalId: String(n),
          channel: 'chat' as const,
          title: `Update ${n}`,
          priority: 'normal' as const,
          snippet: 'x'.repeat(900),
        }));
        const updateBytes = Buffer.byteLength(JSON.stringify(updates[0]));
        const before = written();
        for (const update of updates) {
          await core.handlers['updates:ingest']([update]);
          const { lastSeq } = await core.handlers['journal:pull']({ sinceSeq: 0, limit: 1 });
          await core.handlers['journal:ack']({ seq: lastSeq });
        }
        const perUpdate = (written() - before) / updates.length;
        // Before the item store: every compaction rewrote all 100,000 items (54 MB per update).
        expect(perUpdate).toBeLessThan(4 * updateBytes);
        expect(core.store.size()).toBe(101_000);
      } finally {
        await dispose();
      }
    },
    60_000,
  );
});
