import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
/** DESIGN.md: the preload is a small curated bridge; the schemas are checked in main. */
const MAX_PRELOAD_BYTES = 30_000;

/** Bundles an entry the way electron-vite bundles the preload: everything inlined but `electron`. */
async function bundle(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      minify: false,
      lib: { entry: path.join(ROOT, entry), formats: ['cjs'], fileName: 'index' },
      rolldownOptions: { external: ['electron'] },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs
    .flatMap((output) => output.output)
    .map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))
    .join('\n');
}

const pulledIn = (code: string) => ['zod', 'luxon'].filter((name) => code.includes(`node_modules/${name}/`));

describe('the preload bundle', () => {
  it('stays small: the bridge without the schemas, zod or luxon', async () => {
    const code = await bundle('src/preload/index.ts');
    expect(Buffer.byteLength(code)).toBeLessThan(MAX_PRELOAD_BYTES);
    expect(pulledIn(code)).toEqual([]);
  });

  it('would notice: the contract itself bundles both', async () => {
    const code = await bundle('src/shared/contract.ts');
    expect(pulledIn(code)).toEqual(['zod', 'luxon']);
    expect(Buffer.byteLength(code)).toBeGreaterThan(MAX_PRELOAD_BYTES);
  });
});
