import { beforeEach, describe, expect, it, vi } from 'vitest';

const compared = vi.hoisted(() => ({ calls: [] as [number, number][] }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  return {
    ...crypto,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      compared.calls.push([a.byteLength, b.byteLength]);
      return crypto.timingSafeEqual(a, b);
    },
  };
});

const { createToken, loadOrCreateToken, TOKEN_SECRET, tokensMatch } = await import('./token');

function memorySecrets(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    get: async (name: string) => values.get(name) ?? null,
    set: async (name: string, value: string) => void values.set(name, value),
  };
}

describe('API token', () => {
  beforeEach(() => {
    compared.calls.length = 0;
  });

  it('compares in constant time, over equal-length digests whatever the lengths presented', () => {
    const token = 'a'.repeat(43);
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch('a'.repeat(42), token)).toBe(false);
    expect(tokensMatch('', token)).toBe(false);
    expect(tokensMatch(`${token}a`, token)).toBe(false);
    expect(tokensMatch('b'.repeat(43), token)).toBe(false);
    // Every check went through timingSafeEqual, on 32-byte digests: the presented length leaks nothing.
    expect(compared.calls).toEqual(Array.from({ length: 5 }, () => [32, 32]));
  });

  it('is created once, random and long, and kept', async () => {
    const secrets = memorySecrets();
    const first = await loadOrCreateToken(secrets);
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(await loadOrCreateToken(secrets)).toBe(first);
    expect(secrets.values.get(TOKEN_SECRET)).toBe(first);
    expect(await loadOrCreateToken(memorySecrets({ [TOKEN_SECRET]: 'short' }))).not.toBe('short');
  });

  it('a rotated token is new and stored before it is returned', async () => {
    const secrets = memorySecrets();
    const first = await loadOrCreateToken(secrets);
    const second = await createToken(secrets);
    expect(second).not.toBe(first);
    expect(secrets.values.get(TOKEN_SECRET)).toBe(second);
  });
});
