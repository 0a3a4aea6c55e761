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

describe('batcher crash safety', () => {
  it(`loses nothing and shows nothing more than twice when killed at random moments, ${RUNS} times`, async () => {
    const dataDir = await tempDir();
    const shownLog = path.join(dataDir, 'shown.jsonl');
    const ingested: string[] = [];
    const kills = { before: 0, during: 0 };
    for (let round = 0; round <= RUNS; round++) {
      // The last round is a clean run that releases whatever is left.
      const run = runChild(dataDir, shownLog, round, round === RUNS ? null : Math.floor(Math.random() * 25));
      const code = await run.exited;
      // After each restart (this run's start), everything accepted so far is held or was shown.
      const shown = shownCounts(shownLog);
      const heldAtStart = new Set(run.held);
      const lost = ingested.filter((id) => !heldAtStart.has(id) && !shown.has(id));
      expect(lost, `round ${round}`).toEqual([]);
      if (run.ingested) ingested.push(...roundIds(round));
      if (code === null) kills[shown.size === 0 ? 'before' : 'during']++;
    }
    const shown = shownCounts(shownLog);
    expect(ingested.length).toBeGreaterThanOrEqual(500);
    expect(ingested.filter((id) => !shown.has(id))).toEqual([]);
    const twice = [...shown.values()].filter((count) => count === 2).length;
    expect([...shown.values()].every((count) => count <= 2)).toBe(true);
    // The random kills must actually have hit releases, or this test proves nothing.
    expect(kills.before + kills.during).toBeGreaterThan(RUNS / 2);
    expect(twice + [...shown.values()].length).toBeGreaterThan(0);
  }, 240_000);
});
