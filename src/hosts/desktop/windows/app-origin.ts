/** The scheme that serves the built renderer. A custom protocol, never file://, so CSP and origin checks apply. */
export const APP_SCHEME = 'lull';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Where the renderer is loaded from, and the one test for "is this URL ours?" used by navigation and IPC. */
export interface AppOrigin {
  readonly entryUrl: string;
  isAppUrl(url: string): boolean;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * In production the app origin is `lull://app`. In development electron-vite serves the renderer from
 * a dev server (ELECTRON_RENDERER_URL) and that origin is trusted instead of, not besides, any other.
 */
export function createAppOrigin(devServerUrl?: string): AppOrigin {
  const dev = devServerUrl ? parse(devServerUrl) : null;
  if (devServerUrl && !dev) throw new Error(`invalid ELECTRON_RENDERER_URL: ${devServerUrl}`);
  return {
    entryUrl: dev ? dev.href : APP_ENTRY_URL,
    isAppUrl(url) {
      const parsed = parse(url);
      if (!parsed) return false;
      if (dev) return parsed.origin === dev.origin;
      // WHATWG URLs give non-special schemes an opaque "null" origin, so compare scheme and host instead.
      return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
    },
  };
}
