// `npm test`: builds the app, runs the unit tests (Vitest) and the end-to-end tests (Playwright in
// Chromium), and ends with one line summed over both runners: `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import finder from './find-chromium.cjs';

const { findChromium, HOW_TO_GET_CHROMIUM } = finder;

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tmp = path.join(root, '.tmp');
mkdirSync(tmp, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

if (!findChromium()) {
  console.error(HOW_TO_GET_CHROMIUM);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

if (!process.env.LULL_SKIP_BUILD && run(bin('electron-vite'), ['build']) !== 0) {
  console.error('The build failed, so no tests ran.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const vitestJson = path.join(tmp, 'vitest.json');
const playwrightJson = path.join(tmp, 'playwright.json');
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const unitStatus = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`,
]);
const e2eStatus = run(bin('playwright'), ['test']);

function count(file, read) {
  if (!existsSync(file)) return null;
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

const unit = count(vitestJson, (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0),
  skipped: r.numPendingTests + r.numTodoTests,
}));
const e2e = count(playwrightJson, (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected + (r.errors?.length ?? 0),
  skipped: r.stats.skipped,
}));

const passed = (unit?.passed ?? 0) + (e2e?.passed ?? 0);
// A runner that crashed before writing its report counts as one failure, so a broken run is never green.
let failed = (unit?.failed ?? 1) + (e2e?.failed ?? 1);
if (failed === 0 && (unitStatus !== 0 || e2eStatus !== 0)) failed = 1;
const skipped = (unit?.skipped ?? 0) + (e2e?.skipped ?? 0);
console.log(
  `\nunit: ${unit ? `${unit.passed} passed, ${unit.failed} failed` : 'no report'}; e2e: ${e2e ? `${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped` : 'no report'}`,
);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
