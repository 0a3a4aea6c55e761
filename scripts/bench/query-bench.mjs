// The inbox's queries against raw IndexedDB, in Chromium: a bundle of the real inbox-query.ts and
// lull-db.ts served from a throwaway local server, its own database seeded with the benchmark inbox.
import http from 'node:http';

const PAGE =
  '<!doctype html><meta charset="utf-8"><title>Lull query bench</title><script src="/bench.js"></script>';

/** @param {string} script @returns {Promise<{ url: string, close: () => Promise<void> }>} */
function serve(script) {
  const server = http.createServer((req, res) => {
    if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else res.writeHead(404).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/**
 * Opens the query page on its own origin, with the inbox-query bundle loaded.
 * @param {import('@playwright/test').Browser} browser
 * @param {{ queryScript: string }} options
 */
export async function openQueryPage(browser, { queryScript }) {
  const server = await serve(queryScript);
  const context = await browser.newContext();
  const close = async () => {
    await context.close();
    await server.close();
  };
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => 'lullBenchQuery' in globalThis);
    return {
      /** @param {number} count @param {number} now */
      seed: (count, now) =>
        page.evaluate(({ count, now }) => globalThis.lullBenchQuery.prepare(count, now), { count, now }),
      /**
       * @param {{ now: number, position: number, pageSize: number, runs: number, warmup: number,
       *   extraRuns: number }} options
       */
      async measure(options) {
        const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
        const results = await page.evaluate((o) => globalThis.lullBenchQuery.measure(o), {
          ...options,
          zone,
        });
        return { zone, ...results };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
