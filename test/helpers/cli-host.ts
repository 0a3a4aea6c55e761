import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { silentLogger } from '../../src/core/ports';
import { startBrowserHost } from '../../src/hosts/browser/host';
import { tempDir } from './temp-dir';

/** A real browser host in-process: the core, its HTTP API and runtime.json in a temp data dir. */
export async function startTestHost() {
  const root = await tempDir('lull-cli-');
  const rendererDir = path.join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Lull</title>');
  const dataDir = path.join(root, 'data');
  const started = await startBrowserHost({ dataDir, port: 0, rendererDir, logger: silentLogger });
  return Object.assign(started, { dataDir, root });
}

export interface CliRunOptions {
  env?: Record<string, string | undefined>;
  stdin?: string;
  cwd?: string;
}

/** Runs `main` in-process with captured output, in UTC and English. */
export async function runCli(argv: string[], options: CliRunOptions = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    env: options.env ?? {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    cwd: options.cwd ?? process.cwd(),
    now: Date.now,
    zone: 'UTC',
    locale: 'en-GB',
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Every failure is exactly one line on stderr and nothing on stdout. */
export function expectOneLineError(result: { stdout: string; stderr: string }, pattern: RegExp) {
  expect(result.stdout).toBe('');
  expect(result.stderr.endsWith('\n')).toBe(true);
  expect(result.stderr.slice(0, -1)).not.toContain('\n');
  expect(result.stderr.slice(0, -1)).toMatch(pattern);
}
