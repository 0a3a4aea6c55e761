import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readFileIfExists, writeFileAtomic } from '../../core/lib/atomic-file';
import type { SecretStore } from '../../core/ports';

/** Secrets as files readable by the user alone (mode 0600): the browser host's SecretStore. */
export function createFileSecretStore(dataDir: string): SecretStore {
  const fileFor = (name: string) => {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`invalid secret name: ${name}`);
    return path.join(dataDir, name);
  };
  return {
    async get(name) {
      const file = fileFor(name);
      const value = await readFileIfExists(file);
      if (value !== null) await fs.chmod(file, 0o600);
      return value;
    },
    async set(name, value) {
      await writeFileAtomic(fileFor(name), value, 0o600);
    },
  };
}
