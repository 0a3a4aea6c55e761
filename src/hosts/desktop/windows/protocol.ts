import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin';

/** The renderer may load its own files and nothing else; it reaches the core over IPC, never the network. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Must run before the app is ready: `standard` gives lull://app real origins and relative URLs,
 * `secure` makes it a secure context, `supportFetchAPI` lets the page fetch its own assets, and
 * `corsEnabled` lets Chromium make the CORS-mode requests that Vite's `<script type="module" crossorigin>`
 * issues (as electron-serve and VS Code register theirs). No response carries Access-Control-Allow-Origin,
 * so other origins still cannot read anything.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

const baseHeaders = () => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
});

function refuse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

const isInside = (root: string, file: string) => {
  const relative = path.relative(root, file);
  return (
    relative !== '' &&
    !relative.startsWith(`..${path.sep}`) &&
    relative !== '..' &&
    !path.isAbsolute(relative)
  );
};

/**
 * Serves files from `rootDir` (the built renderer) for lull://app/…, and 404s anything that would
 * resolve outside it: `..` segments, encoded separators, symlinks pointing out.
 */
export function createRendererHandler(rootDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return refuse(404, 'Not found');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400, 'Bad request');
    }
    if (pathname.includes('\0')) return refuse(400, 'Bad request');
    const relative = pathname === '/' || pathname === '' ? 'index.html' : `.${pathname}`;
    const file = path.resolve(root, relative);
    if (!isInside(root, file)) return refuse(404, 'Not found');
    try {
      const [realRoot, realFile] = await Promise.all([fs.realpath(root), fs.realpath(file)]);
      if (!isInside(realRoot, realFile)) return refuse(404, 'Not found');
      const stat = await fs.stat(realFile);
      if (!stat.isFile()) return refuse(404, 'Not found');
      const body = request.method === 'HEAD' ? null : await fs.readFile(realFile);
      return new Response(body, {
        status: 200,
        headers: { ...baseHeaders(), 'Content-Type': contentTypeFor(realFile) },
      });
    } catch {
      return refuse(404, 'Not found');
    }
  };
}

/** Call once the app is ready. Returns the function that stops serving. */
export function serveRenderer(protocol: Pick<Protocol, 'handle' | 'unhandle'>, rootDir: string): () => void {
  protocol.handle(APP_SCHEME, createRendererHandler(rootDir));
  return () => protocol.unhandle(APP_SCHEME);
}
