import path from 'node:path';
import type { SafeStorage } from 'electron';
import { readFileIfExists, writeFileAtomic } from '../../../core/lib/atomic-file';
import type { Logger, SecretStore } from '../../../core/ports';
import { createFileSecretStore } from '../../common/file-secret-store';

const SECRET_NAME = /^[a-z0-9-]+$/;

/**
 * Secrets encrypted with the OS keychain through safeStorage, as `<dataDir>/<name>.enc` (mode 0600).
 * Where no keychain is available it falls back, saying why, to the browser host's 0600 plain files.
 * Call after the app is ready: on Linux safeStorage cannot answer before.
 */
export function createSafeStorageSecretStore(
  dataDir: string,
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
    Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>,
  logger: Logger,
): SecretStore {
  const plain = createFileSecretStore(dataDir);
  if (!safeStorage.isEncryptionAvailable()) {
    logger.warn('the system keychain is unavailable, so secrets are kept in files only you can read');
    return plain;
  }
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    logger.warn(
      'no Secret Service or KWallet found: secrets are only obfuscated, in files only you can read',
    );
  }

  const encryptedFile = (name: string) => {
    if (!SECRET_NAME.test(name)) throw new Error(`invalid secret name: ${name}`);
    return path.join(dataDir, `${name}.enc`);
  };

  const store: SecretStore = {
    async get(name) {
      const file = encryptedFile(name);
      const stored = await readFileIfExists(file);
      if (stored === null) return adoptPlainSecret(name);
      try {
        return safeStorage.decryptString(Buffer.from(stored.trim(), 'base64'));
      } catch (error) {
        logger.warn(`could not decrypt ${path.basename(file)} (${String(error)}); it will be replaced`);
        return null;
      }
    },
    async set(name, value) {
      const sealed = safeStorage.encryptString(value).toString('base64');
      await writeFileAtomic(encryptedFile(name), sealed, 0o600);
    },
  };

  /**
   * A secret first written in plain text (by this fallback, or by the browser host sharing the data dir)
   * is kept, so scripts holding the API token go on working; it is left in place for the browser host.
   */
  async function adoptPlainSecret(name: string): Promise<string | null> {
    const value = await plain.get(name);
    if (value === null) return null;
    await store.set(name, value);
    return value;
  }

  return store;
}
