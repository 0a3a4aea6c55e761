import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname);

/**
 * Which folders each folder may import from. Dependencies point one way, so a folder never needs
 * what needs it: the app composes features; features use hooks, services and the data layers; the
 * database knows nothing of React or the app.
 */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  'main.tsx': ['app', 'api', 'db', 'lib', 'services', 'styles'],
  'global.d.ts': [],
  app: ['features', 'hooks', 'components', 'services', 'store', 'api', 'db', 'lib'],
  features: ['hooks', 'components', 'services', 'store', 'api', 'db', 'lib'],
  components: ['lib'],
  hooks: ['services', 'store', 'api', 'db', 'lib'],
  services: ['api', 'db', 'lib'],
  store: ['api', 'db', 'lib'],
  api: ['db', 'lib'],
  db: ['lib'],
  lib: [],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const folderOf = (path: string) => relative(ROOT, path).split('/')[0]!;

describe('renderer layers', () => {
  it('imports only downwards: app → features → hooks, components → services → store, api → db → lib', () => {
    const wrong: string[] = [];
    for (const file of sourceFiles(ROOT)) {
      const from = folderOf(file);
      const allowed = MAY_IMPORT[from];
      expect(allowed, `${from} has no entry in MAY_IMPORT`).toBeDefined();
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), match[1]!);
        if (!target.startsWith(`${ROOT}/`)) continue;
        const to = folderOf(target);
        if (to !== from && !allowed?.includes(to)) wrong.push(`${relative(ROOT, file)} → ${match[1]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
