// Finds the Electron binary the way node_modules/electron/index.js does, but without its side effect:
// requiring `electron` downloads the binary when it is missing. Downloading is start.mjs's decision.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const EXECUTABLE = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/**
 * @param {{ root?: string, env?: Record<string, string | undefined>, platform?: string }} [options]
 * @returns {{ path: string } | { reason: string }}
 */
export function findElectronBinary({ root = ROOT, env = process.env, platform = process.platform } = {}) {
  const electronDir = path.join(root, 'node_modules', 'electron');
  if (!existsSync(path.join(electronDir, 'package.json'))) {
    return { reason: 'the electron package is not installed (run npm install)' };
  }
  const pathFile = path.join(electronDir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const executable = recorded || EXECUTABLE[platform] || 'electron';

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, executable);
    return existsSync(binary)
      ? { path: binary }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${binary} does not exist` };
  }

  const dist = path.join(electronDir, 'dist');
  if (!existsSync(dist)) {
    return {
      reason: 'the Electron binary is not installed (node_modules/electron/dist is missing)',
    };
  }
  if (!recorded) {
    return { reason: 'the Electron install is incomplete (node_modules/electron/path.txt is missing)' };
  }
  const binary = path.join(dist, recorded);
  return existsSync(binary)
    ? { path: binary }
    : { reason: `the Electron binary is missing (node_modules/electron/dist/${recorded} does not exist)` };
}
