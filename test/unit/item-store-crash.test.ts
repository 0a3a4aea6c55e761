import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { openItemStore } from '../../src/core/inbox/item-store';
import { silentLogger, systemClock } from '../../src/core/ports';
import { bundleChild } from '../helpers/child-bundle';
import { tempDir } from '../helpers/temp-dir';
import { createTestCore } from '../helpers/test-core';

let CHILD = '';
beforeAll(async () => {
  CHILD = await bundleChild('item-store-crash-child.ts');
}, 60_000);

/** Runs the child until `ready(out)` says so (plus `extraMs`), then SIGKILLs it; answers what it printed. */
function runUntilKilled(args: string[], ready: (out: string) => boolean, extraMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      if (!armed && ready(out)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), extraMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk;
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child exited ${code}: ${err}`)),
    );
  });
}

describe('item store under kill -9', () => {
  it('loses and duplicates nothing acknowledged, whenever a kill lands during snapshots (30 rounds)', async () => {
    const dataDir = await tempDir();
    /** The newest acknowledged version of each id, over all rounds. */
    const acked = new Map<string, number>();
    for (let round = 0; round < 30; round++) {
      // Kills land anywhere from the first put to well into the run: mid-append, mid-snapshot, mid-rename.
      const out = await runUntilKilled(
        ['store', dataDir, String(round)],
        (o) => o.includes('ACK'),
        5 + ((round * 37) % 160),
      );
      for (const line of out.split('\n')) {
        if (!line.startsWith('ACK ')) continue;
        for (const pair of line.slice(4).split(' ')) {
          const [id = '', version = ''] = pair.split('@');
          acked.set(id, Math.max(acked.get(id) ?? -1, Number(version)));
        }
      }
      const store = await openItemStore({ dataDir, clock: systemClock, logger: silentLogger });
      const ids = [...store.items()].map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const [id, version] of acked) {
        const stored = store.get(id);
        expect(stored, `round ${round}: ${id} was acknowledged`).toBeDefined();
        // A put that was written but not yet acknowledged when the kill came may be newer: never older.
        expect(stored!.deadline - 1_800_000_000_000).toBeGreaterThanOrEqual(version);
      }
      await store.close();
    }
    expect(acked.size).toBeGreaterThan(100);
  }, 120_000);

  it('remembers every update after kill -9, a restart that replays, a window ack and a clean restart (issue 21)', async () => {
    const dataDir = await tempDir();
    await runUntilKilled(['core', dataDir, '50'], (o) => o.includes('ACKED 50'), 0);
    const second = await createTestCore({ dataDir });
    // The window pulls and acks everything: the journal compacts to nothing.
    const { lastSeq } = await second.core.handlers['journal:pull']({ sinceSeq: 0, limit: 1000 });
    await second.core.handlers['journal:ack']({ seq: lastSeq });
    expect(second.core.journal.entries()).toHaveLength(0);
    await second.dispose();
    const third = await createTestCore({ dataDir });
    const listed = await third.core.handlers['updates:list']({ status: 'all', limit: 500 });
    expect(listed.total).toBe(50);
    expect(new Set(listed.items.map(({ item }) => item.externalId)).size).toBe(50);
    await third.dispose();
  }, 60_000);
});
