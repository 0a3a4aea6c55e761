// The real app at scale: the built browser host in Chromium, its database seeded with the benchmark
// inbox, then timed in the page itself (performance.now() counts from the navigation's start).
import { startHost } from './host.mjs';

const ROW = 'li.inbox-item[data-item-id]';

/**
 * Runs in every new document before the app: notes when the first loaded row is in the DOM and in
 * view, then the start of the frame that paints it (the next requestAnimationFrame).
 */
function firstRowProbe(selector) {
  const probe = { domAt: null, frameAt: null };
  window.__lullFirstRows = probe;
  const observer = new MutationObserver(() => {
    const row = document.querySelector(selector);
    if (!row || probe.domAt !== null) return;
    const box = row.getBoundingClientRect();
    if (box.height === 0 || box.top >= window.innerHeight) return;
    probe.domAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      probe.frameAt = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** In the page: what the list has drawn right now. */
function domRows() {
  const rows = [...document.querySelectorAll('li.inbox-item')];
  const inView = rows.filter((row) => {
    const box = row.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  });
  return {
    rows: rows.length,
    placeholders: rows.filter((row) => !row.hasAttribute('data-item-id')).length,
    firstVisible: Number(inView[0]?.getAttribute('data-index') ?? -1),
    elements: document.getElementsByTagName('*').length,
  };
}

/**
 * In the page: jump the window to a fraction of the list and time, frame by frame, until every row
 * in view is a loaded row (no placeholder left, none of the old rows still standing there).
 */
function scrollJump({ fraction, timeoutMs }) {
  const target = Math.round((document.documentElement.scrollHeight - window.innerHeight) * fraction);
  const started = performance.now();
  window.scrollTo(0, target);
  return new Promise((resolve) => {
    const tick = () => {
      const inView = [...document.querySelectorAll('li.inbox-item')].filter((row) => {
        const box = row.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      });
      const ready = inView.length > 0 && inView.every((row) => row.hasAttribute('data-item-id'));
      const ms = performance.now() - started;
      if (ready || ms > timeoutMs) resolve({ ms, ready, scrollY: window.scrollY });
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const settle = (page) => page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));

/**
 * Opens the app on a fresh data dir and waits for its empty inbox (so Dexie has made the database).
 * @param {import('@playwright/test').Browser} browser
 * @param {{ seedScript: string }} options
 */
export async function openApp(browser, { seedScript }) {
  const host = await startHost();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const close = async () => {
    await context.close();
    await host.stop();
  };
  try {
    const page = await context.newPage();
    await page.addInitScript(firstRowProbe, ROW);
    await page.goto(host.pageUrl);
    await page.getByText('No updates yet').waitFor({ timeout: 30_000 });
    // The page's CSP forbids injected scripts; DevTools' own evaluate is not bound by it.
    const cdp = await context.newCDPSession(page);
    const injected = await cdp.send('Runtime.evaluate', { expression: seedScript });
    if (injected.exceptionDetails) throw new Error(`seed script failed: ${injected.exceptionDetails.text}`);
    return {
      /** @param {number} count @param {number} now */
      seed: (count, now) =>
        page.evaluate(({ count, now }) => globalThis.lullBenchApp.seedItems('lull', count, now), {
          count,
          now,
        }),
      /** @param {{ loads: number }} options */
      measure: (options) => measureApp(page, options),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Reloads the seeded app `loads` times, timing its first rows, then jumps around the list.
 * @param {import('@playwright/test').Page} page
 * @param {{ loads: number }} options
 */
async function measureApp(page, { loads }) {
  const firstRows = [];
  const pageLoaded = [];
  for (let i = 0; i < loads; i++) {
    await page.reload({ waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const probe = window.__lullFirstRows;
        return probe?.frameAt != null && probe;
      },
      null,
      { timeout: 60_000 },
    );
    firstRows.push((await handle.jsonValue()).frameAt);
    pageLoaded.push(
      await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0),
    );
  }
  await settle(page);
  const top = await page.evaluate(domRows);
  // Each row carries the list's length (aria-setsize): the open items the inbox shows.
  const total = await page.evaluate(
    (selector) => Number(document.querySelector(selector)?.getAttribute('aria-setsize') ?? 0),
    ROW,
  );

  const jumps = [];
  for (const [name, fraction] of [
    ['middle', 0.5],
    ['end', 1],
    ['top', 0],
    ['quarter', 0.25],
    ['three quarters', 0.75],
  ]) {
    const jump = await page.evaluate(scrollJump, { fraction, timeoutMs: 15_000 });
    if (!jump.ready) throw new Error(`rows did not appear within 15 s after a jump to the ${name}`);
    await settle(page);
    jumps.push({ name, ms: jump.ms, ...(await page.evaluate(domRows)) });
  }
  return { firstRows, pageLoaded, top, total, jumps };
}
