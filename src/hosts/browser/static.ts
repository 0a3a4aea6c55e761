import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../../api/http/errors';

/** The page's Content Security Policy: its own scripts and styles, and a WebSocket to this port only. */
export function pageCsp(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Serves the built renderer. Unknown paths get index.html (the app routes itself), API paths do not. */
export async function registerStaticRenderer(
  app: FastifyInstance,
  rendererDir: string,
  port: () => number,
): Promise<void> {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (no ${rendererDir}/index.html): run "npm run build" first.`);
  }
  rendererDir = path.resolve(rendererDir);
  await app.register(fastifyStatic, { root: rendererDir, serve: false, index: false });
  app.get('/*', { config: { public: true } }, (request, reply) => {
    const url = (request.params as { '*': string })['*'] ?? '';
    if (url.startsWith('v1/')) return sendError(reply, 404, 'not-found', `No such endpoint: /${url}`);
    reply.header('Content-Security-Policy', pageCsp(port()));
    reply.header('X-Frame-Options', 'DENY');
    const target = path.resolve(rendererDir, url);
    const inside = target.startsWith(rendererDir + path.sep);
    return reply.sendFile(inside && existsSync(target) ? path.relative(rendererDir, target) : 'index.html');
  });
}
