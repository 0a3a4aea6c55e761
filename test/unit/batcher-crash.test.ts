import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleChild } from '../helpers/child-bundle';
import { tempDir } from '../helpers/temp-dir';

const RUNS = 50;
let CHILD = '';

beforeAll(async () => {
  CHILD = await bundleChild('batcher-crash-child.ts');
}, 60_000);

interface Run {
  /** What the child found held after recovering, at its start. */
  held: string[];
  ingested: boolean;
  exited: Promise<number | null>;
}

/** Starts the child; kills it `killAfterMs` after it begins releasing, or lets it finish (null). */
function runChild(dataDir: string, shownLog: string, round: number, killAfterMs: number | null): Run {
  const child: ChildProcess = spawn(process.execPath, [CHILD, dataDir, shownLog, String(round)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const run: Run = {
    held: [],
    ingested: false,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  let out = '';
  let armed = false;
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk;
    const held = /HELD (\[.*\])\n/.exec(out);
    if (held?.[1]) run.held = JSON.parse(held[1]);
    run.ingested = out.includes('INGESTED');
    if (killAfterMs !== null && out.includes('RELEASING') && !armed) {
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    }
  });
  return run;
}

function shownCounts(shownLog: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!existsSync(shownLog)) return counts;
  for (const line of readFileSync(shownLog, 'utf8').split('\n')) {
    if (!line) continue;
    for (const id of (JSON.parse(line) as { itemIds: string[] }).itemIds)
      counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

const roundIds = (round: number) => Array.from({ length: 500 }, (_, n) => `round${round}/${n}`);

/** Digest releases the journal holds now, by sequence: the history a window would show. */
function readReleases(dataDir: string, into: Map<number, { id: string; itemIds: string[] }>): void {
  const file = path.join(dataDir, 'journal.jsonl');
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      const entry = JSON.parse(line) as {
        seq: number;
        kind: string;
        event?: { type: string; id: string; itemIds: string[] };
      };
      if (entry.kind === 'event' && entry.event?.type === 'digest-released') into.set(entry.seq, entry.event);
    } catch {
      // a torn last line: the core cuts it off at its next start
    }
  }
}

describe('summary crash safety', () => {
  it(`releases each held item exactly once when killed at random moments, ${RUNS} times`, async () => {
    const dataDir = await tempDir();
    const shownLog = path.join(dataDir, 'shown.jsonl');
    const ingested: string[] = [];
    const releases = new Map<number, { id: string; itemIds: string[] }>();
    const kills = { before: 0, during: 0 };
    for (let round = 0; round <= RUNS; round++) {
      // The last round is a clean run that releases whatever is left.
      const run = runChild(dataDir, shownLog, round, round === RUNS ? null : Math.floor(Math.random() * 25));
      const code = await run.exited;
      readReleases(dataDir, releases);
      // After each restart (this run's start), everything accepted so far is held or was released.
      const released = new Set([...releases.values()].flatMap((r) => r.itemIds));
      const heldAtStart = new Set(run.held);
      const lost = ingested.filter((id) => !heldAtStart.has(id) && !released.has(id));
      expect(lost, `round ${round}`).toEqual([]);
      if (run.ingested) ingested.push(...roundIds(round));
      if (code === null) kills[shownCounts(shownLog).size === 0 ? 'before' : 'during']++;
    }
    expect(ingested.length).toBeGreaterThanOrEqual(500);
    // History: no digest id twice, and every item in exactly one release.
    const ids = [...releases.values()].map((r) => r.id);
    expect(ids.length - new Set(ids).size).toBe(0);
    const perItem = new Map<string, number>();
    for (const { itemIds } of releases.values())
      for (const id of itemIds) perItem.set(id, (perItem.get(id) ?? 0) + 1);
    expect(ingested.filter((id) => perItem.get(id) !== 1)).toEqual([]);
    // Notifications: never a second one for the same item.
    expect([...shownCounts(shownLog).values()].every((count) => count === 1)).toBe(true);
    // The random kills must actually have hit releases, or this test proves nothing.
    expect(kills.before + kills.during).toBeGreaterThan(RUNS / 2);
  }, 240_000);
});
