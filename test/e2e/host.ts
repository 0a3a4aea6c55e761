import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'out/main/web.js');

export interface RunningHost {
  pageUrl: string;
  apiUrl: string;
  token: string;
  port: number;
  dataDir: string;
  /** Calls the local API with the token (or the headers you pass). */
  api(
    route: string,
    init?: { method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  /** SIGTERM and wait: a clean shutdown. */
  stop(): Promise<void>;
  output(): string;
}

/**
 * Starts the built browser host (`out/main/web.js`) as a real child process and waits for the line it
 * prints for the user. Pass the same dataDir and port to simulate a restart.
 */
export async function startHost(options: { dataDir?: string; port?: number } = {}): Promise<RunningHost> {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'lull-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [ENTRY, '--port', String(options.port ?? 0), '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const pageUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 15_000);
    child.stdout?.on('data', () => {
      const match = /Lull is running at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${output}`));
    });
  });
  const url = new URL(pageUrl);
  const token = decodeURIComponent(url.hash.replace('#token=', ''));
  const apiUrl = url.origin;
  return {
    pageUrl,
    apiUrl,
    token,
    port: Number(url.port),
    dataDir,
    api(route, init = {}) {
      const body = init.body === undefined ? undefined : JSON.stringify(init.body);
      return fetch(`${apiUrl}${route}`, {
        method: init.method ?? (body ? 'POST' : 'GET'),
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...init.headers,
        },
        body,
      });
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      if (ownDir && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    output: () => output,
  };
}
