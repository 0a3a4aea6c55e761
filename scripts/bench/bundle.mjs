// Bundles a browser entry of the benchmark (TypeScript, importing the renderer's own modules) into one
// classic script held in memory, with the project's Vite (Rolldown underneath).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * @param {string} entry path from the repository root
 * @param {string} name the global the entry's exports are assigned to
 * @returns {Promise<string>} the script's code
 */
export async function bundleEntry(entry, name) {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      target: 'es2023',
      reportCompressedSize: false,
      lib: { entry: path.join(ROOT, entry), formats: ['iife'], name, fileName: () => `${name}.js` },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  const chunk = outputs.find((o) => o.type === 'chunk');
  if (!chunk) throw new Error(`bundling ${entry} produced no script`);
  return chunk.code;
}
