// Finds a Chromium for the end-to-end tests: $LULL_CHROMIUM, a system install, or Playwright's own.
const { existsSync } = require('node:fs');

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

const HOW_TO_GET_CHROMIUM = [
  'No Chromium was found for the end-to-end tests. Any one of these fixes it:',
  '  - Debian/Ubuntu: sudo apt-get install -y chromium',
  '  - anywhere with internet access: npx playwright install chromium',
  '  - or point LULL_CHROMIUM at an existing Chrome/Chromium executable.',
].join('\n');

/** @returns {string | null} */
function findChromium(env = process.env) {
  const fromEnv = env.LULL_CHROMIUM || env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const candidate of SYSTEM_CANDIDATES) if (existsSync(candidate)) return candidate;
  try {
    const { chromium } = require('playwright-core');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright's own browser is optional.
  }
  return null;
}

/** Flags for a quiet, offline-friendly headless run (the machine has no network but registries). */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

module.exports = { HOW_TO_GET_CHROMIUM, CHROMIUM_ARGS, findChromium };
