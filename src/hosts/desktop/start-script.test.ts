import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../scripts/electron-binary.mjs';
import { tempDir } from '../../../test/helpers/temp-dir';

const SCRIPTS = path.resolve(__dirname, '../../../scripts');
const WEB_HOST = `console.log('web host ' + JSON.stringify(process.argv.slice(2))); process.exit(3);`;

/** A copy of the project as start.mjs sees it: its scripts, a built web host, and Electron as asked. */
async function project(
  electron: 'none' | 'package-only' | { binary: string } | { installer: string },
): Promise<string> {
  const root = await tempDir('lull-start-');
  await fs.mkdir(path.join(root, 'scripts'));
  for (const name of ['start.mjs', 'electron-binary.mjs']) {
    await fs.copyFile(path.join(SCRIPTS, name), path.join(root, 'scripts', name));
  }
  await fs.mkdir(path.join(root, 'out', 'main'), { recursive: true });
  await fs.writeFile(path.join(root, 'out', 'main', 'web.js'), WEB_HOST);
  if (electron === 'none') return root;
  const electronDir = path.join(root, 'node_modules', 'electron');
  await fs.mkdir(electronDir, { recursive: true });
  await fs.writeFile(path.join(electronDir, 'package.json'), '{"name":"electron","version":"45.4.1"}');
  await fs.writeFile(path.join(electronDir, 'path.txt'), 'electron');
  if (electron === 'package-only') return root;
  if ('installer' in electron) {
    await fs.writeFile(path.join(electronDir, 'install.js'), electron.installer);
    return root;
  }
  await fs.mkdir(path.join(electronDir, 'dist'));
  await fs.writeFile(path.join(electronDir, 'dist', 'electron'), `#!/bin/sh\n${electron.binary}\n`, {
    mode: 0o755,
  });
  return root;
}

function start(root: string, env: Record<string, string | undefined> = {}) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'start.mjs'), '--port', '0'], {
    encoding: 'utf8',
    env: { ...process.env, DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: undefined, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('findElectronBinary', () => {
  it('explains what is missing, without downloading anything', async () => {
    expect(findElectronBinary({ root: await project('none') })).toEqual({
      reason: 'the electron package is not installed (run npm install)',
    });
    expect(findElectronBinary({ root: await project('package-only'), env: {} })).toEqual({
      reason: 'the Electron binary is not installed (node_modules/electron/dist is missing)',
    });
  });

  it('finds the installed binary, or the one ELECTRON_OVERRIDE_DIST_PATH names', async () => {
    const root = await project({ binary: 'exit 0' });
    expect(findElectronBinary({ root, env: {} })).toEqual({
      path: path.join(root, 'node_modules', 'electron', 'dist', 'electron'),
    });
    const override = path.join(root, 'node_modules', 'electron', 'dist');
    expect(findElectronBinary({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toEqual({
      path: path.join(override, 'electron'),
    });
    expect(findElectronBinary({ root, env: { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' } })).toEqual({
      reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${path.join('/nowhere', 'electron')} does not exist`,
    });
  });
});

describe.skipIf(process.platform === 'win32')('npm start (scripts/start.mjs)', () => {
  it('starts the browser host, saying why in one sentence, when Electron is not installed', async () => {
    const result = start(await project('package-only'));
    expect(result.stdout).toBe(
      'Electron is not available here (the Electron binary is not installed (node_modules/electron/dist is ' +
        'missing)), so Lull is starting in your browser instead.\n' +
        'web host ["--port","0"]\n',
    );
    expect(result.status).toBe(3);
  });

  it('tries the first-launch download, and says why it failed before using the browser', async () => {
    const failing = `console.error('TypeError: fetch failed'); console.error('    at somewhere'); process.exit(1);`;
    const result = start(await project({ installer: failing }));
    expect(result.stdout).toBe(
      'Downloading Electron for the first launch…\n' +
        'Electron is not available here (the Electron binary is not installed (node_modules/electron/dist is ' +
        'missing) and it could not be downloaded: TypeError: fetch failed), so Lull is starting in your ' +
        'browser instead.\nweb host ["--port","0"]\n',
    );
    expect(
      start(await project({ installer: failing }), { LULL_NO_ELECTRON_DOWNLOAD: '1' }).stdout,
    ).not.toContain('Downloading');
  });

  it('runs Electron once the first-launch download put the binary in place', async () => {
    const installing = [
      "const fs = require('node:fs'); const path = require('node:path');",
      "const dist = path.join(__dirname, 'dist'); fs.mkdirSync(dist);",
      "fs.writeFileSync(path.join(dist, 'electron'), '#!/bin/sh\\necho \"electron $*\"; exit 5\\n', { mode: 0o755 });",
    ].join('\n');
    const root = await project({ installer: installing });
    const result = start(root);
    expect(result.stdout).toBe(`Downloading Electron for the first launch…\nelectron ${root} --port 0\n`);
    expect(result.status).toBe(5);
  });

  it('runs Electron on the app with the arguments, and exits with its code', async () => {
    const root = await project({ binary: 'echo "electron $*"; exit 4' });
    const result = start(root);
    expect(result.stdout).toBe(`electron ${root} --port 0\n`);
    expect(result.status).toBe(4);
  });

  it('falls back to the browser when the binary cannot start, naming the cause', async () => {
    const binary =
      'echo "electron: error while loading shared libraries: libnss3.so: cannot open" >&2; exit 127';
    const result = start(await project({ binary }));
    expect(result.stdout).toBe(
      'Electron cannot start here (a system library it needs is missing: libnss3.so), ' +
        'so Lull is starting in your browser instead.\nweb host ["--port","0"]\n',
    );
    expect(result.stderr).toContain('libnss3.so');
    expect(result.status).toBe(3);
  });

  it.skipIf(process.platform !== 'linux')('falls back to the browser when there is no display', async () => {
    const result = start(await project({ binary: 'echo "should not run"; exit 0' }), {
      DISPLAY: undefined,
      WAYLAND_DISPLAY: undefined,
    });
    expect(result.stdout).toBe(
      'Electron cannot start here (there is no display to open a window on (DISPLAY and WAYLAND_DISPLAY are ' +
        'unset)), so Lull is starting in your browser instead.\nweb host ["--port","0"]\n',
    );
  });
});
