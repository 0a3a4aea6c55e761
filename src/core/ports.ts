/**
 * The small interfaces through which the core talks to the outside. Each host implements them:
 * Electron in src/hosts/desktop, plain Node in src/hosts/browser, fakes in tests.
 */
export type Cancel = () => void;

export interface Clock {
  now(): number;
  /** Arms a one-shot timer; returns its cancel function. */
  setTimer(callback: () => void, delayMs: number): Cancel;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Where secrets live: Electron safeStorage on the desktop, a 0600 file in the browser host. */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
}

/**
 * Opens a web link in the user's own browser; false when it could not. Only the desktop host has one
 * (Electron's shell.openExternal). The core hands it http(s) URLs that passed validation only.
 */
export type OpenExternal = (url: string) => Promise<boolean>;

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, delayMs) {
    const handle = setTimeout(callback, Math.max(0, delayMs));
    handle.unref?.();
    return () => clearTimeout(handle);
  },
};

export function consoleLogger(prefix = 'lull'): Logger {
  return {
    info: (message) => console.log(`[${prefix}] ${message}`),
    warn: (message) => console.warn(`[${prefix}] ${message}`),
    error: (message) => console.error(`[${prefix}] ${message}`),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
