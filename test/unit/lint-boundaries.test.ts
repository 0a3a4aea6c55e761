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
  it('reports electron outside the desktop host and Node/React/Dexie in src/shared, and nothing else', async () => {
    const dir = await tempDir('lull-lint-');
    await copyConfig(dir);
    const electron = `import { app } from 'electron';\n${useAll(['app'])}`;
    await write(dir, 'src/main/bad.ts', electron);
    await write(dir, 'src/renderer/bad.ts', electron);
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
    await write(dir, 'src/main/desktop/ok.ts', electron);
    await write(dir, 'src/preload/ok.ts', electron);
    await write(
      dir,
      'src/main/ok.ts',
      `import { readFileSync } from 'node:fs';\n${useAll(['readFileSync'])}`,
    );
    await write(dir, 'src/shared/ok.ts', `import { z } from 'zod';\n${useAll(['z'])}`);

    const diagnostics = await lint(dir);
    const restricted = diagnostics.filter((d) => d.rule === RULE);
    expect(restricted.map((d) => `${d.file}:${d.line}`).sort()).toEqual([
      'src/main/bad.ts:1',
      'src/renderer/bad.ts:1',
      'src/shared/bad.ts:1',
      'src/shared/bad.ts:2',
      'src/shared/bad.ts:3',
      'src/shared/bad.ts:4',
      'src/shared/bad.ts:5',
    ]);
    expect(restricted.find((d) => d.file === 'src/main/bad.ts')?.message).toMatch(/electron/);
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
