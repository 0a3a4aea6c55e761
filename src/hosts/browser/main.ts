import path from 'node:path';
import { parseArgs } from 'node:util';
import { consoleLogger } from '../../core/ports';
import { defaultDataDir, parsePort } from '../common/data-dir';
import { startBrowserHost } from './host';

const USAGE = `Usage: npm run web -- [--port N] [--data-dir DIR]

Runs Lull's core and serves the inbox to your browser on 127.0.0.1.
  --port N        port for the page and the local API (default 4680, or LULL_PORT; 0 picks a free one)
  --data-dir DIR  where Lull keeps its files (default: the desktop app's folder, or LULL_DATA_DIR)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const logger = consoleLogger();
  const host = await startBrowserHost({
    dataDir: values['data-dir'] ?? defaultDataDir(),
    port: parsePort(values.port ?? process.env.LULL_PORT),
    rendererDir: path.join(__dirname, '../renderer'),
    logger,
  });
  console.log(`Lull is running at ${host.pageUrl}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping`);
    await host.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error) => {
  console.error(`Lull could not start: ${error.message}`);
  process.exit(1);
});
