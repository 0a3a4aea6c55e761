import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeSafeStorage } from '../../../../test/fakes/electron';
import { tempDir } from '../../../../test/helpers/temp-dir';
import { silentLogger } from '../../../core/ports';
import { loadOrCreateToken, TOKEN_SECRET } from '../../../core/token';
import { createFileSecretStore } from '../../common/file-secret-store';
import { createSafeStorageSecretStore } from './secret-store';

async function readAll(dir: string): Promise<string> {
  const names = await fs.readdir(dir);
  const contents = await Promise.all(names.map((name) => fs.readFile(path.join(dir, name), 'utf8')));
  return contents.join('\n');
}

describe('the safeStorage secret store', () => {
  let safeStorage = new FakeSafeStorage();
  beforeEach(() => {
    safeStorage = new FakeSafeStorage();
  });

  it('round-trips a secret through an encrypted 0600 file and writes no plain text', async () => {
    const dir = await tempDir();
    const store = createSafeStorageSecretStore(dir, safeStorage, silentLogger);
    const token = await loadOrCreateToken(store);
    expect(await fs.readdir(dir)).toEqual([`${TOKEN_SECRET}.enc`]);
    const file = path.join(dir, `${TOKEN_SECRET}.enc`);
    if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await readAll(dir)).not.toContain(token);

    const reopened = createSafeStorageSecretStore(dir, safeStorage, silentLogger);
    expect(await loadOrCreateToken(reopened)).toBe(token);
    expect(await reopened.get('nothing-here')).toBeNull();
  });

  it('falls back to 0600 plain files, saying why, when the keychain is unavailable', async () => {
    const dir = await tempDir();
    safeStorage.encryptionAvailable = false;
    const warnings: string[] = [];
    const store = createSafeStorageSecretStore(dir, safeStorage, {
      ...silentLogger,
      warn: (message) => warnings.push(message),
    });
    await store.set('api-key', 'abc');
    expect(await store.get('api-key')).toBe('abc');
    expect(await fs.readdir(dir)).toEqual(['api-key']);
    expect(warnings).toEqual([expect.stringMatching(/keychain is unavailable/)]);
  });

  it('keeps a token first written in plain text, encrypting it', async () => {
    const dir = await tempDir();
    const plainToken = await loadOrCreateToken(createFileSecretStore(dir));
    const store = createSafeStorageSecretStore(dir, safeStorage, silentLogger);
    expect(await loadOrCreateToken(store)).toBe(plainToken);
    const sealed = await fs.readFile(path.join(dir, `${TOKEN_SECRET}.enc`), 'utf8');
    expect(sealed).not.toContain(plainToken);
  });

  it('treats an undecryptable file as missing, and refuses odd names', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, `${TOKEN_SECRET}.enc`), 'not sealed by this keychain');
    const store = createSafeStorageSecretStore(dir, safeStorage, silentLogger);
    expect(await store.get(TOKEN_SECRET)).toBeNull();
    await expect(store.set('../escape', 'x')).rejects.toThrow(/invalid secret name/);
  });
});
