import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../core/lib/atomic-file';

export const RUNTIME_FILE = 'runtime.json';

export interface RuntimeInfo {
  pid: number;
  port: number;
  apiUrl: string;
  host: 'desktop' | 'browser';
  version: string;
  startedAt: number;
}

/** Tells scripts and the CLI where the running app listens. Removed again on a clean exit. */
export async function writeRuntimeFile(dataDir: string, info: RuntimeInfo): Promise<void> {
  await writeFileAtomic(path.join(dataDir, RUNTIME_FILE), `${JSON.stringify(info, null, 2)}\n`);
}

export async function removeRuntimeFile(dataDir: string): Promise<void> {
  await fs.rm(path.join(dataDir, RUNTIME_FILE), { force: true });
}
