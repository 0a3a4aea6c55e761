// `npm start` (after `npm run build`): runs the desktop app, or, where Electron cannot run, the browser
// host, saying why in one sentence. Arguments pass through to either, e.g. `npm start -- --port 0`.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const WEB_HOST = path.join(ROOT, 'out', 'main', 'web.js');
const args = process.argv.slice(2);

/** stderr lines that mean Electron never got as far as running the app, and what they mean. */
const LAUNCH_FAILURES = [
  [/error while loading shared libraries: ([^\s:]+)/, (m) => `a system library it needs is missing: ${m[1]}`],
  [/Missing X server or \$DISPLAY|cannot open display/i, () => 'there is no display to open a window on'],
  [
    /Running as root without --no-sandbox is not supported/,
    () => 'Chromium refuses to run as root with its sandbox',
  ],
  [
    /SUID sandbox helper binary was found, but is not configured correctly/,
    () => "Chromium's sandbox is not set up",
  ],
];

/** Runs a child with our stdio and signals; resolves with how it ended and the start of its stderr. */
function run(command, commandArgs, { captureStderr = false, echoStderr = true, env = process.env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, {
      cwd: ROOT,
      env,
      stdio: ['inherit', 'inherit', captureStderr ? 'pipe' : 'inherit'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      if (echoStderr) process.stderr.write(chunk);
      if (stderr.length < 16_384) stderr += chunk.toString();
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const settle = (outcome) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ ...outcome, stderr });
    };
    child.once('error', (error) => settle({ error }));
    child.once('exit', (code, signal) => settle({ code, signal }));
  });
}

const exitCodeOf = ({ code, signal }) => code ?? (signal === 'SIGINT' ? 130 : signal === 'SIGTERM' ? 143 : 1);

/** Why Electron cannot open a window here, known before trying; null when it may well work. */
function missingDisplay(env = process.env) {
  if (process.platform !== 'linux' || env.DISPLAY || env.WAYLAND_DISPLAY) return null;
  return 'there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)';
}

/** Runs Electron; returns a reason when it could not start the app, or exits with the app's code. */
async function tryElectron(binary) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary behave as plain Node
  const outcome = await run(binary, [ROOT, ...args], { captureStderr: true, env });
  if (outcome.error) return `the Electron binary could not be run: ${outcome.error.message}`;
  if (outcome.code !== 0) {
    for (const [pattern, explain] of LAUNCH_FAILURES) {
      const match = outcome.stderr.match(pattern);
      if (match) return explain(match);
    }
  }
  process.exit(exitCodeOf(outcome));
}

async function startInBrowser() {
  if (!existsSync(WEB_HOST)) {
    console.error('out/main/web.js is missing: run `npm run build` first (npm start does).');
    process.exit(1);
  }
  const outcome = await run(process.execPath, [WEB_HOST, ...args]);
  if (outcome.error) {
    console.error(`Could not start the browser host: ${outcome.error.message}`);
    process.exit(1);
  }
  process.exit(exitCodeOf(outcome));
}

/**
 * Electron 45 installs without its binary and fetches it on first launch. Try that once (it works on
 * users' machines); where it cannot (offline, a closed network), say why and use the browser.
 * LULL_NO_ELECTRON_DOWNLOAD=1 skips the attempt.
 */
async function downloadElectron() {
  const installer = path.join(ROOT, 'node_modules', 'electron', 'install.js');
  if (
    process.env.LULL_NO_ELECTRON_DOWNLOAD ||
    process.env.ELECTRON_OVERRIDE_DIST_PATH ||
    !existsSync(installer)
  ) {
    return null;
  }
  console.log('Downloading Electron for the first launch…');
  // Its stack trace would bury the one sentence that follows: keep only the first line of it.
  const outcome = await run(process.execPath, [installer], { captureStderr: true, echoStderr: false });
  if (!outcome.error && outcome.code === 0) return null;
  const cause =
    (outcome.error?.message ?? outcome.stderr).split('\n').find((line) => line.trim()) ?? 'no reason given';
  return `it could not be downloaded: ${cause.trim()}`;
}

let found = findElectronBinary();
let downloadFailure = null;
if (!found.path && !existsSync(path.join(ROOT, 'node_modules', 'electron', 'dist'))) {
  downloadFailure = await downloadElectron();
  found = findElectronBinary();
}
if (found.path) {
  const noDisplay = missingDisplay();
  const failure = noDisplay ?? (await tryElectron(found.path));
  console.log(`Electron cannot start here (${failure}), so Lull is starting in your browser instead.`);
} else {
  const why = downloadFailure ? `${found.reason} and ${downloadFailure}` : found.reason;
  console.log(`Electron is not available here (${why}), so Lull is starting in your browser instead.`);
}
await startInBrowser();
