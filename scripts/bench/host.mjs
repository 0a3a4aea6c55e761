// Starts the built browser host on a throwaway data dir, as a user would, and stops it again.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_HOST = path.join(ROOT, 'out', 'main', 'web.js');

/**
 * Pass `dataDir` to start again on the same data (a restart); `stop({ keep: true })` leaves it.
 * @param {{ dataDir?: string }} [options]
 * @returns {Promise<{ pageUrl: string, pid: number, dataDir: string, stop: (o?: { keep?: boolean }) => Promise<void> }>}
 */
export async function startHost(options = {}) {
  if (!existsSync(WEB_HOST)) throw new Error(`${WEB_HOST} is missing: run \`npm run build\` first`);
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'lull-bench-'));
  const nodeArgs = process.env.LULL_BENCH_NODE_ARGS ? process.env.LULL_BENCH_NODE_ARGS.split(' ') : [];
  const child = spawn(process.execPath, [...nodeArgs, WEB_HOST, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const pageUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the browser host did not start:\n${output}`)), 15_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /Lull is running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the browser host exited with ${code}:\n${output}`));
    });
  });
  return {
    pageUrl,
    pid: child.pid,
    dataDir,
    async stop({ keep = false } = {}) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
