import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../../core/ports';

export const APP_DIR_NAME = 'Lull';
export const DEFAULT_PORT = 4680;

/**
 * Where Lull keeps its files when no --data-dir is given: the same folder Electron's
 * app.getPath('userData') names, so the desktop app, the browser host and scripts agree.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.LULL_DATA_DIR) return path.resolve(env.LULL_DATA_DIR);
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}

/**
 * Creates the data dir, or tightens one that exists: the folder to 0700 and each file directly in it
 * to owner-only (0600 for every file Lull writes; an owner's execute bit is kept, in case --data-dir
 * names a folder with other things in it). Folders inside are left alone: Lull creates none. What was
 * tightened is said once in the log; what could not be is a warning, not a reason to stop.
 */
export async function ensureDataDir(dir: string, logger?: Logger): Promise<string> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  // Windows has no such mode bits; its folders under the user's profile are private already.
  if (process.platform === 'win32') return dir;
  const tightened: string[] = [];
  const failed: string[] = [];
  async function tighten(name: string, file: string, mode: number, wanted: number) {
    if ((mode & 0o777) === wanted) return;
    try {
      await fs.chmod(file, wanted);
      tightened.push(`${name} ${octal(mode)} → ${octal(wanted)}`);
    } catch (error) {
      failed.push(`${name} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  await tighten('the folder', dir, (await fs.stat(dir)).mode, 0o700);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue; // symbolic links and folders are not Lull's own files
    const file = path.join(dir, entry.name);
    const mode = (await fs.lstat(file).catch(() => null))?.mode;
    if (mode !== undefined && mode & 0o077) await tighten(entry.name, file, mode, mode & 0o700);
  }
  if (tightened.length > 0) {
    logger?.info(`made the data dir ${dir} private to you: ${tightened.join(', ')}`);
  }
  if (failed.length > 0) {
    logger?.warn(`could not make these in the data dir ${dir} private to you: ${failed.join(', ')}`);
  }
  return dir;
}

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;

/** Parses a port from a flag or LULL_PORT; 0 asks the system for a free one (tests). */
export function parsePort(value: string | undefined, fallback = DEFAULT_PORT): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`invalid port "${value}": use a whole number from 0 to 65535`);
  }
  return port;
}
