import { describe, expect, it } from 'vitest';
import { storeSessionToken, TOKEN_STORAGE_KEY, takeSessionToken, tokenFromHash } from './session-token';

function environment(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [[TOKEN_STORAGE_KEY, stored]] : []);
  const replaced: string[] = [];
  return {
    storage,
    replaced,
    env: {
      location: { hash, pathname: '/', search: '?x=1' },
      history: {
        state: null,
        replaceState: (_: unknown, __: string, url?: string | URL | null) => replaced.push(String(url)),
      },
      storage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => storage.set(k, v),
      },
    },
  };
}

describe('session token', () => {
  it('reads #token=… from the hash', () => {
    expect(tokenFromHash('#token=abc')).toBe('abc');
    expect(tokenFromHash('#other=1&token=a%2Bb')).toBe('a+b');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
  });

  it('stores the token and removes it from the address bar', () => {
    const { env, storage, replaced } = environment('#token=abc');
    expect(takeSessionToken(env)).toBe('abc');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('abc');
    expect(replaced).toEqual(['/?x=1']);
  });

  it('falls back to the stored token after a reload', () => {
    const { env, replaced } = environment('', 'stored');
    expect(takeSessionToken(env)).toBe('stored');
    expect(replaced).toEqual([]);
  });

  it('prefers a new link over the stored token', () => {
    const { env, storage } = environment('#token=new', 'old');
    expect(takeSessionToken(env)).toBe('new');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('new');
  });

  it('stores a rotated token for the next reload, and survives storage that throws', () => {
    const { env, storage } = environment('', 'old');
    storeSessionToken(env.storage, 'rotated');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('rotated');
    expect(takeSessionToken(env)).toBe('rotated');
    const broken = {
      getItem: () => null,
      setItem: () => {
        throw new Error('disabled');
      },
    };
    expect(() => storeSessionToken(broken, 'x')).not.toThrow();
    expect(() => storeSessionToken(null, 'x')).not.toThrow();
  });
});
