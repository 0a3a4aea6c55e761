import { promises as fs } from 'node:fs';
import path from 'node:path';
import { TOKEN_SECRET } from '../core/token';
import { DEFAULT_PORT, defaultDataDir } from '../hosts/common/data-dir';
import { RUNTIME_FILE, type RuntimeInfo } from '../hosts/common/runtime-file';
import { CliError, type CliIo, EXIT } from './io';

export interface GlobalOptions {
  dataDir?: string | undefined;
  apiUrl?: string | undefined;
  json: boolean;
}

/** Where the running app listens, as found from the flags, the environment or runtime.json. */
export interface Target {
  dataDir: string;
  apiUrl: string;
  runtime: RuntimeInfo | null;
}

export const REQUEST_TIMEOUT_MS = 10_000;
const START_HINT = 'Start it with `npm start`.';

export function resolveDataDir(options: GlobalOptions, io: CliIo): string {
  if (options.dataDir) return path.resolve(io.cwd, options.dataDir);
  const fromEnv = io.env.LULL_DATA_DIR;
  return fromEnv ? path.resolve(io.cwd, fromEnv) : defaultDataDir(io.env as NodeJS.ProcessEnv);
}

function normalizeUrl(value: string, origin: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(EXIT.usage, `${origin} is not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(EXIT.usage, `${origin} must be an http URL, e.g. http://127.0.0.1:${DEFAULT_PORT}`);
  }
  return url.origin;
}

/** --api-url or LULL_URL if given; otherwise the app's runtime.json, which exists only while it runs. */
export async function locate(options: GlobalOptions, io: CliIo): Promise<Target> {
  const dataDir = resolveDataDir(options, io);
  const override = options.apiUrl ?? io.env.LULL_URL;
  if (override) {
    return {
      dataDir,
      apiUrl: normalizeUrl(override, options.apiUrl ? '--api-url' : 'LULL_URL'),
      runtime: null,
    };
  }
  const file = path.join(dataDir, RUNTIME_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new CliError(
        EXIT.notRunning,
        `Lull is not running (no ${RUNTIME_FILE} in ${dataDir}). ${START_HINT}`,
      );
    }
    throw new CliError(EXIT.notRunning, `Cannot read ${file}: ${(error as Error).message}`);
  }
  let runtime: RuntimeInfo;
  try {
    runtime = JSON.parse(text) as RuntimeInfo;
  } catch {
    throw new CliError(EXIT.notRunning, `${file} is not valid JSON; is Lull running? ${START_HINT}`);
  }
  if (typeof runtime?.apiUrl !== 'string') {
    throw new CliError(EXIT.notRunning, `${file} names no apiUrl; is Lull running? ${START_HINT}`);
  }
  return { dataDir, apiUrl: normalizeUrl(runtime.apiUrl, file), runtime };
}

/** LULL_TOKEN, else the plain token file the browser host (and a desktop app without a keychain) keeps. */
export async function readToken(target: Target, io: CliIo): Promise<{ token: string; from: string }> {
  const fromEnv = io.env.LULL_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, from: 'LULL_TOKEN' };
  const file = path.join(target.dataDir, TOKEN_SECRET);
  const token = (await readIfExists(file))?.trim();
  if (token) return { token, from: file };
  if ((await readIfExists(`${file}.enc`)) !== null) {
    throw new CliError(
      EXIT.usage,
      'The desktop app keeps its token encrypted; set LULL_TOKEN (copy it from the app)',
    );
  }
  throw new CliError(EXIT.usage, `No API token at ${file}; set LULL_TOKEN or choose the app's --data-dir`);
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(EXIT.usage, `Cannot read ${file}: ${(error as Error).message}`);
  }
}

export interface ApiCall {
  method: 'GET' | 'POST' | 'PUT';
  /** Path and query, e.g. `/v1/focus`. */
  path: string;
  body?: unknown;
  /** Public routes (health) need no token. */
  auth?: boolean;
  /** Set for endpoints newer than some servers: a 404 then means "this version lacks it". */
  unsupported?: string;
  /** Longer than the default for calls the app answers slowly (a backup waits for the window). */
  timeoutMs?: number;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const NO_ANSWER = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/** One request; any failure becomes a CliError with the exit code the README promises. */
export async function request(target: Target, io: CliIo, call: ApiCall): Promise<unknown> {
  const token = call.auth === false ? null : await readToken(target, io);
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  let response: Response;
  try {
    response = await fetch(`${target.apiUrl}${call.path}`, {
      method: call.method,
      headers: {
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body,
      signal: AbortSignal.timeout(call.timeoutMs ?? REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw networkError(error, target.apiUrl);
  }
  const text = await response.text().catch(() => '');
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new CliError(
      EXIT.refused,
      `The server at ${target.apiUrl} answered HTTP ${response.status} without JSON; is it Lull?`,
    );
  }
  if (response.ok) return payload;
  const message = oneLine(
    (payload as { error?: { message?: unknown } })?.error?.message?.toString() ?? `HTTP ${response.status}`,
  );
  if (response.status === 404 && call.unsupported) {
    const version = target.runtime?.version ? ` (${target.runtime.version})` : '';
    throw new CliError(EXIT.refused, `This Lull version${version} does not support ${call.unsupported} yet`);
  }
  if (response.status === 401) {
    throw new CliError(EXIT.refused, `The token was refused: ${message} (token from ${token?.from})`);
  }
  throw new CliError(EXIT.refused, message);
}

function networkError(error: unknown, apiUrl: string): CliError {
  const name = (error as Error)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new CliError(
      EXIT.notRunning,
      `Lull did not answer at ${apiUrl} within ${REQUEST_TIMEOUT_MS / 1000} s`,
    );
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code && NO_ANSWER.has(cause.code)) {
    return new CliError(EXIT.notRunning, `Lull is not running (no answer at ${apiUrl}). ${START_HINT}`);
  }
  return new CliError(
    EXIT.notRunning,
    oneLine(`Could not reach Lull at ${apiUrl}: ${cause?.message ?? (error as Error)?.message ?? error}`),
  );
}
