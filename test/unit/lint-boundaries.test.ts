import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';

const REPO = path.resolve(__dirname, '../..');
const BIOME = path.join(REPO, 'node_modules', '.bin', process.platform === 'win32' ? 'biome.cmd' : 'biome');
const RULE = 'lint/style/noRestrictedImports';

interface Diagnostic {
  rule: string;
  file: string;
  line: number;
  message: string;
}

/** The repo's own biome.json, made portable: no schema path, no git. */
async function copyConfig(dir: string): Promise<void> {
  const config = JSON.parse(await fs.readFile(path.join(REPO, 'biome.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  delete config.$schema;
  config.vcs = { enabled: false };
  await fs.writeFile(path.join(dir, 'biome.json'), JSON.stringify(config, null, 2));
}

async function write(dir: string, file: string, source: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
  await fs.writeFile(path.join(dir, file), source);
}

/** Runs `biome lint` with the stable GitHub reporter: `::error title=<rule>,file=<path>,line=<n>,…::<message>`. */
async function lint(dir: string): Promise<Diagnostic[]> {
  const { stdout } = await promisify(execFile)(
    BIOME,
    ['lint', '--reporter=github', '--max-diagnostics=none', '.'],
    {
      cwd: dir,
    },
  ).catch((error: { stdout?: string; stderr?: string; code?: number }) => {
    // Exit code 1 means "diagnostics found"; anything else (no config, crash) must fail loudly.
    if (error.code !== 1) throw new Error(`biome failed (${error.code}): ${error.stderr}`);
    return { stdout: error.stdout ?? '' };
  });
  return stdout
    .split('\n')
    .map((line) => /^::error title=([^,]+),file=([^,]+),line=(\d+),.*?::(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, rule = '', file = '', line = '0', message = '']) => ({
      rule,
      file: path.relative(dir, file).split(path.sep).join('/'),
      line: Number(line),
      message,
    }));
}

const useAll = (names: string[]) => `export const used = [${names.join(', ')}];\n`;

describe('Biome import boundaries (biome.json)', () => {
  it('keeps electron in the desktop host, the core free of hosts and servers, the renderer off the core, src/shared pure', async () => {
    const dir = await tempDir('lull-lint-');
    await copyConfig(dir);
    const electron = `import { app } from 'electron';\n${useAll(['app'])}`;
    await write(dir, 'src/core/bad-electron.ts', electron);
    await write(dir, 'src/api/http/bad.ts', electron);
    await write(dir, 'src/renderer/bad.ts', electron);
    await write(
      dir,
      'src/core/bad-servers.ts',
      [
        "import Fastify from 'fastify';",
        "import { WebSocket } from 'ws';",
        "import rateLimit from '@fastify/rate-limit';",
        "import { startBrowserHost } from '../hosts/browser/host';",
        "import { startHttpApi } from '../api/http/server';",
        useAll(['Fastify', 'WebSocket', 'rateLimit', 'startBrowserHost', 'startHttpApi']),
      ].join('\n'),
    );
    await write(
      dir,
      'src/renderer/features/bad-core.ts',
      [
        "import { createCore } from '../../core/create-core';",
        "import { startDesktopServices } from '../../hosts/desktop/services';",
        useAll(['createCore', 'startDesktopServices']),
      ].join('\n'),
    );
    await write(
      dir,
      'src/shared/bad.ts',
      [
        "import { readFileSync } from 'node:fs';",
        "import Dexie from 'dexie';",
        "import { useState } from 'react';",
        "import path from 'path';",
        "import { ipcRenderer } from 'electron';",
        useAll(['readFileSync', 'useState', 'Dexie', 'path', 'ipcRenderer']),
      ].join('\n'),
    );
    await write(dir, 'src/hosts/desktop/ok.ts', electron);
    await write(dir, 'src/hosts/desktop/os/ok.ts', electron);
    await write(dir, 'src/preload/ok.ts', electron);
    await write(
      dir,
      'src/core/ok.ts',
      `import { readFileSync } from 'node:fs';\nimport { z } from 'zod';\n${useAll(['readFileSync', 'z'])}`,
    );
    await write(
      dir,
      'src/hosts/browser/ok.ts',
      `import Fastify from 'fastify';\nimport { createCore } from '../../core/create-core';\n${useAll(['Fastify', 'createCore'])}`,
    );
    await write(
      dir,
      'src/renderer/api/ok.ts',
      `import { contract } from '../../shared/contract';\nimport { x } from '../api/ws-client';\n${useAll(['contract', 'x'])}`,
    );
    await write(dir, 'src/shared/ok.ts', `import { z } from 'zod';\n${useAll(['z'])}`);

    const diagnostics = await lint(dir);
    const restricted = diagnostics.filter((d) => d.rule === RULE);
    expect(restricted.map((d) => `${d.file}:${d.line}`).sort()).toEqual([
      'src/api/http/bad.ts:1',
      'src/core/bad-electron.ts:1',
      'src/core/bad-servers.ts:1',
      'src/core/bad-servers.ts:2',
      'src/core/bad-servers.ts:3',
      'src/core/bad-servers.ts:4',
      'src/core/bad-servers.ts:5',
      'src/renderer/bad.ts:1',
      'src/renderer/features/bad-core.ts:1',
      'src/renderer/features/bad-core.ts:2',
      'src/shared/bad.ts:1',
      'src/shared/bad.ts:2',
      'src/shared/bad.ts:3',
      'src/shared/bad.ts:4',
      'src/shared/bad.ts:5',
    ]);
    const messageOf = (file: string, line: number) =>
      restricted.find((d) => d.file === file && d.line === line)?.message;
    expect(messageOf('src/core/bad-electron.ts', 1)).toMatch(/electron/);
    expect(messageOf('src/core/bad-servers.ts', 1)).toMatch(/plain Node/);
    expect(messageOf('src/core/bad-servers.ts', 4)).toMatch(/must not import hosts/);
    expect(messageOf('src/renderer/features/bad-core.ts', 1)).toMatch(/neither the core nor the hosts/);
    const shared = restricted.filter((d) => d.file === 'src/shared/bad.ts').map((d) => d.message);
    expect(shared).toEqual([
      expect.stringMatching(/Node built-ins/),
      expect.stringMatching(/dexie/),
      expect.stringMatching(/react/),
      expect.stringMatching(/Node built-ins/),
      expect.stringMatching(/electron/),
    ]);
    // The allowed files are clean of every rule, not just this one.
    expect(diagnostics.filter((d) => d.file.endsWith('ok.ts'))).toEqual([]);
  });
});
