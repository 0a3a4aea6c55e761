import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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

export async function ensureDataDir(dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Parses a port from a flag or LULL_PORT; 0 asks the system for a free one (tests). */
export function parsePort(value: string | undefined, fallback = DEFAULT_PORT): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`invalid port "${value}": use a whole number from 0 to 65535`);
  }
  return port;
}
