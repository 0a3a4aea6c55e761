import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretStore } from './ports';

export const TOKEN_SECRET = 'ingest-token';

/** The API token: created once, random, kept by the host's SecretStore. */
export async function loadOrCreateToken(secrets: SecretStore): Promise<string> {
  const existing = (await secrets.get(TOKEN_SECRET))?.trim();
  if (existing && existing.length >= 32) return existing;
  return createToken(secrets);
}

/** A fresh random token, stored before it is returned, so nothing accepts a token the disk lacks. */
export async function createToken(secrets: SecretStore): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await secrets.set(TOKEN_SECRET, token);
  return token;
}

/** Constant-time comparison; hashing first makes the lengths equal so length leaks nothing either. */
export function tokensMatch(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
