import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Core } from '../../core/create-core';
import type { Logger } from '../../core/ports';
import { tokensMatch } from '../../core/token';
import { frameworkError, installErrorHandlers } from './errors';
import { bearerToken, installGuards } from './guards';
import { registerOpenApiRoute } from './openapi';
import { registerApiRoutes } from './routes';

export const LOOPBACK = '127.0.0.1';

export interface HttpApiOptions {
  port: number;
  /** The app's version, for `/v1/health` and the OpenAPI document (the hosts pass theirs). */
  version?: string;
  /** Where a request that failed on the disk is reported (the file and what happened). */
  logger?: Logger;
  /** Largest request body accepted, in bytes; counted as it streams in, not taken from Content-Length. */
  bodyLimit?: number;
  rateLimit?: { max: number; windowMs: number };
  /** Slow clients are cut off; tests shorten these. */
  timeouts?: Partial<HttpTimeouts>;
  /** Lets a host add routes (the browser host serves the renderer and a WebSocket). */
  extend?: (app: FastifyInstance, context: { port: () => number; core: Core }) => Promise<void> | void;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_RATE_LIMIT = { max: 1000, windowMs: 10_000 };

export interface HttpTimeouts {
  /** All request headers must arrive within this (a client dripping them byte by byte is cut off). */
  headersMs: number;
  /** The whole request, body included. */
  requestMs: number;
  /** A connection with no traffic at all. */
  idleMs: number;
  /** An idle keep-alive connection between requests. */
  keepAliveMs: number;
  /** How often Node checks the headers and request deadlines; a deadline is enforced within this. */
  checkEveryMs: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = {
  headersMs: 10_000,
  requestMs: 15_000,
  idleMs: 30_000,
  keepAliveMs: 5_000,
  checkEveryMs: 1_000,
};

/**
 * One bucket for the valid token (so a script with it is limited by its own traffic) and one per
 * address for everything else: a flood of wrong or missing tokens cannot take the token's bucket,
 * nor escape the limit by inventing a new token per request.
 */
function rateLimitKey(request: FastifyRequest, token: string): string {
  const presented = bearerToken(request);
  if (presented && tokensMatch(presented, token)) {
    return `token:${createHash('sha256').update(token).digest('base64url').slice(0, 16)}`;
  }
  return `address:${request.ip}`;
}

export interface HttpApi {
  app: FastifyInstance;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Builds the API without listening, so tests can `inject` requests. */
export async function createHttpApp(
  core: Core,
  options: HttpApiOptions,
): Promise<{
  app: FastifyInstance;
  setPort(port: number): void;
}> {
  let port = options.port;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Node's own deadlines (Fastify passes `http` to http.createServer); Node checks them on an interval.
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkEveryMs },
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    return503OnClosing: true,
    forceCloseConnections: true,
    // An external id may be up to 500 characters, percent-encoded three times as long in the path.
    routerOptions: { maxParamLength: 2048 },
    frameworkErrors: (error, _request, reply) => frameworkError(error, reply),
  });
  // Only JSON bodies exist here; without the text parser, anything else is a 415.
  app.removeContentTypeParser('text/plain');
  // The same safe JSON parser (no __proto__ or constructor.prototype keys), except that an empty
  // body is no body: a POST that takes no parameters may carry the JSON content type and nothing else.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') done(null, undefined);
    else parseJson(request, text, done);
  });
  installErrorHandlers(app, options.logger);
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  await app.register(rateLimit, {
    global: false,
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (request) => rateLimitKey(request, core.token()),
    // The returned object is thrown, so the shared error handler shapes the 429 like every other refusal.
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many requests: retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  // An application hook between the guards: what a web page could send (a foreign Host, Origin or
  // Sec-Fetch-Site) is refused before it counts, so a hostile page cannot spend the user's budget;
  // wrong tokens and 404s count (the plugin's own route hooks would run after the guards, leaving a
  // flood of wrong tokens unlimited).
  installGuards(app, { port: () => port, token: () => core.token(), limit: app.rateLimit() });
  const version = options.version ?? '0.0.0-dev';
  registerApiRoutes(app, core, version);
  registerOpenApiRoute(app, version);
  await options.extend?.(app, { port: () => port, core });
  return { app, setPort: (value) => (port = value) };
}

/** Starts the local API on the loopback address only. Port 0 picks a free port (tests). */
export async function startHttpApi(core: Core, options: HttpApiOptions): Promise<HttpApi> {
  const { app, setPort } = await createHttpApp(core, options);
  try {
    await app.listen({ host: LOOPBACK, port: options.port });
  } catch (error) {
    await app.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${options.port} on ${LOOPBACK} is already in use — is Lull already running? Choose another with --port or LULL_PORT.`,
      );
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  setPort(port);
  return { app, url: `http://${LOOPBACK}:${port}`, port, close: () => app.close() };
}
