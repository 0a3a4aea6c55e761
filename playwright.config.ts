import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_CHROMIUM } from './scripts/find-chromium.cjs';

const chromium = findChromium();
if (!chromium && !process.env.LULL_SKIP_E2E_CHECK) throw new Error(HOW_TO_GET_CHROMIUM);

/**
 * e2e: the browser host (built app, real core) driven in Chromium. Each test starts its own host on a
 * free port with its own data dir, so tests run in parallel.
 * electron: Playwright's _electron against the desktop app; skips, saying why, where no binary exists.
 */
export default defineConfig({
  timeout: 30_000,
  expect: { timeout: 7_000 },
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  projects: [
    {
      name: 'e2e',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: { executablePath: chromium ?? undefined, args: CHROMIUM_ARGS },
        screenshot: 'only-on-failure',
        trace: 'off',
      },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
