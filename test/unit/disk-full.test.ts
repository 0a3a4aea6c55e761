/**
 * The disk fills up for real: the data dir is a 2 MiB tmpfs. Posting until it is full answers 507 in
 * words (focus and settings writes too), every append-only file stays line-aligned, and after space
 * is freed, two more posts (202), kill -9 and a restart, every update that got a 202 is there.
 *
 * Mounting needs root (or CAP_SYS_ADMIN). Where it is not allowed the test is skipped with the
 * reason, except in CI, where it fails: there it must run.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { promises as fs, mkdirSync, mkdtempSync, rmdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger, systemClock } from '../../src/core/ports';
import { createSettingsStore } from '../../src/core/settings/settings-store';

const ROOT = path.resolve(__dirname, '../..');
const OUT_DIR = path.join(ROOT, '.tmp/disk-full-child');
const CHILD = path.join(OUT_DIR, 'api-core-child.cjs');

const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'lull-tmpfs-'));
/** Why the tmpfs could not be mounted, or null when it is. */
const mountProblem = ((): string | null => {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', mountPoint], { stdio: 'pipe' });
    return null;
  } catch (error) {
    rmdirSync(mountPoint);
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return stderr || (error as Error).message;
  }
})();
const skip = mountProblem !== null && !process.env.CI;

beforeAll(async () => {
  if (mountProblem !== null) return;
  mkdirSync(OUT_DIR, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: path.join(ROOT, 'test/fixtures/api-core-child.ts'),
      outDir: OUT_DIR,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'api-core-child.cjs' } },
    },
  });
}, 60_000);

/** Children still running when a test fails would keep the tmpfs busy. */
const running = new Set<ChildProcess>();

afterAll(async () => {
  if (mountProblem !== null) return;
  for (const child of running) child.kill('SIGKILL');
  await Promise.all([...running].map((child) => new Promise((resolve) => child.once('exit', resolve))));
  execFileSync('umount', [mountPoint]);
  rmdirSync(mountPoint);
});

interface Child {
  url: string;
  token: string;
  /** The host log so far (the child writes it to stderr). */
  log: () => string;
  kill(): Promise<void>;
}

/** Starts a core and its API in a child process on `dataDir`, resolving once it listens. */
function startChild(dataDir: string): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, [CHILD, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk));
  running.add(child);
  const exited = new Promise<void>((resolve) =>
    child.on('exit', () => {
      running.delete(child);
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the child exited (${code}) before it was ready: ${log}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk;
      const ready = /READY (\d+) (\S+)\n/.exec(out);
      if (!ready) return;
      resolve({
        url: `http://127.0.0.1:${ready[1]}`,
        token: ready[2]!,
        log: () => log,
        async kill() {
          child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
}

async function call(child: Child, method: string, url: string, body?: unknown) {
  const res = await fetch(`${child.url}${url}`, {
    method,
    headers: { authorization: `Bearer ${child.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const snippet = 'Lorem ipsum dolor sit amet, '.repeat(70).slice(0, 1_900);
const update = (externalId: string) => ({
  source: 'disk',
  externalId,
  title: `Update ${externalId}`,
  snippet,
});

/** Writes zeros into `file` until the disk refuses another byte. */
async function fillUp(file: string): Promise<void> {
  const handle = await fs.open(file, 'a');
  try {
    for (const size of [64 * 1024, 4096, 1]) {
      for (;;) {
        try {
          await handle.write(Buffer.alloc(size));
        } catch {
          break;
        }
      }
    }
  } finally {
    await handle.close();
  }
}

/** Every line of every append-only file is whole: the file is empty or ends in a newline. */
async function expectLineAligned(dataDir: string) {
  for (const name of await fs.readdir(dataDir)) {
    if (!name.endsWith('.jsonl')) continue;
    const bytes = await fs.readFile(path.join(dataDir, name));
    expect(bytes.length === 0 || bytes.at(-1) === 0x0a, `${name} ends on a whole line`).toBe(true);
  }
}

describe('a full disk', () => {
  it.skipIf(skip)(
    `answers 507 in words and keeps every 202 through kill -9${mountProblem ? ` (skipped: cannot mount a tmpfs: ${mountProblem})` : ''}`,
    { timeout: 30_000 },
    async () => {
      if (mountProblem !== null)
        throw new Error(`CI must run this test, but a tmpfs cannot be mounted: ${mountProblem}`);
      const dataDir = path.join(mountPoint, 'Lull');
      const settingsDir = path.join(mountPoint, 'settings-check');
      await fs.mkdir(dataDir, { mode: 0o700 });
      await fs.mkdir(settingsDir, { mode: 0o700 });
      const settings = await createSettingsStore({
        dataDir: settingsDir,
        clock: systemClock,
        logger: silentLogger,
      });
      // Leave the core about 1 MiB to fill.
      await fs.writeFile(path.join(mountPoint, 'filler'), Buffer.alloc(1024 * 1024));

      const accepted: string[] = [];
      const first = await startChild(dataDir);
      let full: { status: number; body: Record<string, unknown> } | null = null;
      for (let batch = 0; batch < 200 && !full; batch++) {
        const ids = Array.from({ length: 20 }, (_, i) => `b${batch}-${i}`);
        const res = await call(first, 'POST', '/v1/updates', { updates: ids.map(update) });
        if (res.status === 202) accepted.push(...ids);
        else full = res;
      }
      expect(full?.status).toBe(507);
      const error = full?.body.error as { code: string; message: string };
      expect(error.code).toBe('storage-full');
      expect(error.message).toMatch(/^The disk is full \(ENOSPC\): Lull could not save /);
      expect(error.message).toContain(dataDir);
      expect(accepted.length).toBeGreaterThan(0);
      await expectLineAligned(dataDir);

      // Not a byte left: focus and settings writes say the same.
      await fillUp(path.join(mountPoint, 'filler-2'));
      const focus = await call(first, 'PUT', '/v1/focus', { active: true, minutes: 30 });
      expect(focus.status).toBe(507);
      expect((focus.body.error as { code: string }).code).toBe('storage-full');
      await expect(settings.update({ holidays: ['2026-12-24'] })).rejects.toMatchObject({
        code: 'storage-full',
        message: expect.stringContaining(path.join(settingsDir, 'settings.json')),
      });
      const refused = await call(first, 'POST', '/v1/updates', update('refused'));
      expect(refused.status).toBe(507);
      await expectLineAligned(dataDir);
      // The host log says what failed and where.
      expect(first.log()).toMatch(/could not append \d+ record\(s\) \(ENOSPC/);
      expect(first.log()).toContain(
        `POST /v1/updates answered 507: The disk is full (ENOSPC): Lull could not save ${dataDir}`,
      );

      // Space again: two more are accepted, then the process is killed mid-flight.
      await fs.rm(path.join(mountPoint, 'filler'));
      await fs.rm(path.join(mountPoint, 'filler-2'));
      for (const id of ['after-1', 'after-2']) {
        const res = await call(first, 'POST', '/v1/updates', update(id));
        expect(res.status, JSON.stringify(res.body)).toBe(202);
        accepted.push(id);
      }
      await first.kill();
      await expectLineAligned(dataDir);

      const second = await startChild(dataDir);
      try {
        const listed = await call(second, 'GET', '/v1/updates?limit=500');
        expect(listed.status).toBe(200);
        const ids = new Set((listed.body.items as { externalId: string }[]).map((item) => item.externalId));
        expect(accepted.filter((id) => !ids.has(id))).toEqual([]);
        // And in the journal the windows follow, each as a whole line.
        const journal = await fs.readFile(path.join(dataDir, 'journal.jsonl'), 'utf8');
        const journaled = new Set(
          journal
            .split('\n')
            .filter((line) => line.includes('"kind":"item"'))
            .map((line) => (JSON.parse(line) as { item: { externalId: string } }).item.externalId),
        );
        expect(accepted.filter((id) => !journaled.has(id))).toEqual([]);
      } finally {
        await second.kill();
      }
    },
  );
});
