import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { tokensMatch } from '../../core/token';
import { sendError } from './errors';

export interface GuardOptions {
  /** The port the server listens on, known once it listens. */
  port: () => number;
  /** The current API token; read on every request so rotation takes effect at once. */
  token: () => string;
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The origins of pages Lull itself serves (the browser host's renderer). */
export function ownOrigins(port: number): string[] {
  return LOOPBACK_NAMES.map((name) => `http://${name}:${port}`);
}

export function isPublicRoute(request: FastifyRequest): boolean {
  return (request.routeOptions.config as { public?: boolean } | undefined)?.public === true;
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** A body is on its way: a length above zero, or chunks. */
function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** Sec-Fetch-Site values a browser sends for a page of our own origin, or for no page at all. */
const OWN_FETCH_SITES = new Set(['same-origin', 'none']);

/**
 * The posture of DESIGN.md, as onRequest hooks that run before any body is read. First what a web page
 * could send, refused before the rate limit counts it, so a hostile page cannot spend the user's budget:
 * 0. A request target that is not a path (`GET http://evil.com/…`, `*`) is a 400.
 * 1. OPTIONS is refused: no preflight ever succeeds, so no page can send what needs one.
 * 2. Host must name the loopback address and our port: defeats DNS rebinding.
 * 3. A foreign Origin, or a Sec-Fetch-Site other than same-origin or none (in any letter case), is
 *    refused: web pages cannot drive the API.
 * Then `limit`, the rate limit; then what costs the limit a request:
 * 4. A bearer token, compared in constant time, on everything but public routes.
 * 5. Bodies must be JSON: no form or text/plain posts that a page could send without preflight. A
 *    Content-Type, when sent, must be application/json; a request without one must carry no body
 *    (so `POST /v1/digest/release` needs neither).
 */
export function installGuards(
  app: FastifyInstance,
  options: GuardOptions & { limit?: onRequestHookHandler },
): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.raw.url?.startsWith('/')) {
      return sendError(reply, 400, 'bad-request', 'The request target must be a path such as /v1/health');
    }
    if (request.method === 'OPTIONS') {
      return sendError(reply, 405, 'method-not-allowed', 'OPTIONS is not supported: Lull answers no CORS');
    }
    const port = options.port();
    const host = request.headers.host ?? '';
    if (!LOOPBACK_NAMES.some((name) => host === `${name}:${port}`)) {
      return sendError(reply, 403, 'forbidden-host', 'Host must be 127.0.0.1 or localhost with the API port');
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !ownOrigins(port).includes(origin)) {
      return sendError(
        reply,
        403,
        'forbidden-origin',
        'Requests from web pages on other origins are refused',
      );
    }
    const fetchSite = request.headers['sec-fetch-site'];
    if (fetchSite !== undefined && !OWN_FETCH_SITES.has(fetchSite.trim().toLowerCase())) {
      return sendError(reply, 403, 'forbidden-origin', 'Cross-site requests are refused');
    }
  });
  if (options.limit) app.addHook('onRequest', options.limit);
  app.addHook('onRequest', async (request, reply) => {
    if (!isPublicRoute(request)) {
      const presented = bearerToken(request);
      if (!presented || !tokensMatch(presented, options.token())) {
        reply.header('WWW-Authenticate', 'Bearer realm="lull"');
        return sendError(
          reply,
          401,
          'unauthorized',
          'Missing or wrong bearer token (see the ingest-token file)',
        );
      }
    }
    if (BODY_METHODS.has(request.method)) {
      const header = request.headers['content-type'];
      const type = header?.split(';')[0]?.trim().toLowerCase();
      if (header === undefined ? hasBody(request) : type !== 'application/json') {
        return sendError(
          reply,
          415,
          'unsupported-media-type',
          'Send JSON with Content-Type: application/json',
        );
      }
    }
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('Cache-Control', 'no-store');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    return payload;
  });
}
