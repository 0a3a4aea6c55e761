import path from 'node:path';
import { parseArgs } from 'node:util';
import { parsePort } from '../common/data-dir';

export interface LaunchOptions {
  /** null: Electron's userData folder, the same one `defaultDataDir()` names. */
  dataDir: string | null;
  port: number;
}

/**
 * `--data-dir DIR` / LULL_DATA_DIR and `--port N` / LULL_PORT (0 picks a free port). Unknown switches
 * are ignored: Chromium, Playwright and the OS add their own.
 */
export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchOptions {
  const { values } = parseArgs({
    args: argv.slice(1),
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
    strict: false,
    allowPositionals: true,
  });
  const flag = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);
  const dataDir = flag(values['data-dir']) ?? env.LULL_DATA_DIR;
  return {
    dataDir: dataDir ? path.resolve(dataDir) : null,
    port: parsePort(flag(values.port) ?? env.LULL_PORT),
  };
}
