import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Bundles a TypeScript child process (a test fixture) into the repo's ignored .tmp, so it resolves
 * node_modules, and answers the path of the CommonJS file to run with `node`.
 */
export async function bundleChild(fixture: string): Promise<string> {
  const name = path.basename(fixture, '.ts');
  const outDir = path.join(ROOT, '.tmp', name);
  mkdirSync(outDir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: path.join(ROOT, 'test/fixtures', fixture),
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: `${name}.cjs` } },
    },
  });
  return path.join(outDir, `${name}.cjs`);
}
