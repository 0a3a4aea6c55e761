// `npm run bench` (after `npm run build`): the inbox at 100,000 items, in the real app and in its
// queries. Prints measured numbers and ratios; exits non-zero only when something failed to run.
// LULL_BENCH_ITEMS sets another size for a quick look; LULL_BENCH=core or =inbox runs one half.
import os from 'node:os';
import { chromium } from '@playwright/test';
import { openApp } from './bench/app-bench.mjs';
import { bundleEntry } from './bench/bundle.mjs';
import { benchCore, formatCoreReport } from './bench/core-bench.mjs';
import { openQueryPage } from './bench/query-bench.mjs';
import { formatReport } from './bench/report.mjs';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from './find-chromium.cjs';

const count = Number(process.env.LULL_BENCH_ITEMS ?? 100_000);
const log = (line) => process.stderr.write(`bench: ${line}\n`);

async function main() {
  const only = process.env.LULL_BENCH;
  if (only !== 'inbox') console.log(formatCoreReport(await benchCore(log)));
  if (only !== 'core') await benchInbox();
}

async function benchInbox() {
  const started = performance.now();
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_GET_CHROMIUM);
  // Deadlines are spread around this minute; the app and the queries read at it too.
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const position = Math.floor(count / 2);
  const pageSize = 50;

  log('bundling the browser entries…');
  const seedScript = await bundleEntry('scripts/bench/app-entry.ts', 'lullBenchApp');
  const queryScript = await bundleEntry('scripts/bench/query-entry.ts', 'lullBenchQuery');

  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const opened = [];
  try {
    const app = await openApp(browser, { seedScript });
    opened.push(app);
    const queries = await openQueryPage(browser, { queryScript });
    opened.push(queries);
    // Both origins are seeded at once, before anything is timed: it halves the wait.
    log(`seeding ${count} rows into the app's and the query page's IndexedDB…`);
    const [appSeed, querySeed] = await Promise.all([app.seed(count, now), queries.seed(count, now)]);
    log('measuring the app…');
    const appResults = await app.measure({ loads: 5 });
    await app.close();
    opened.shift();
    log('measuring the queries…');
    const queryResults = await queries.measure({
      now,
      position,
      pageSize,
      runs: 20,
      warmup: 3,
      extraRuns: 5,
    });
    console.log(
      formatReport({
        count,
        cpus: os.cpus().length,
        browser: browser.version(),
        seconds: (performance.now() - started) / 1000,
        seed: { app: appSeed, queries: querySeed },
        app: appResults,
        queries: queryResults,
        position,
      }),
    );
  } finally {
    for (const page of opened) await page.close();
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`bench failed: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
});
