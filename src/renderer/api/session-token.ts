/**
 * The browser host prints a link ending in `#token=…`. The token is read once, kept in
 * sessionStorage (so a reload works but it does not outlive the tab) and removed from the address bar
 * so it does not end up in screenshots, history sync or a pasted URL.
 */
export const TOKEN_STORAGE_KEY = 'lull.token';

export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token?.trim() ? token.trim() : null;
}

export interface TokenEnvironment {
  readonly location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export function takeSessionToken(env: TokenEnvironment): string | null {
  const fromHash = tokenFromHash(env.location.hash);
  if (fromHash) {
    storeSessionToken(env.storage, fromHash);
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}`);
    return fromHash;
  }
  try {
    return env.storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** A rotated token replaces the stored one, so a reload in this tab still authenticates. */
export function storeSessionToken(storage: TokenEnvironment['storage'], token: string): void {
  try {
    storage?.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Storage can be disabled; the token still works until the next reload.
  }
}
