import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Core } from '../core';
import { installErrorHandlers } from './errors';
import { installGuards } from './guards';
import { registerOpenApiRoute } from './openapi';
import { registerApiRoutes } from './routes';

export const LOOPBACK = '127.0.0.1';

export interface HttpApiOptions {
  port: number;
  /** Largest request body accepted, in bytes; counted as it streams in, not taken from Content-Length. */
  bodyLimit?: number;
  rateLimit?: { max: number; windowMs: number };
  /** Lets a host add routes (the browser host serves the renderer and a WebSocket). */
  extend?: (app: FastifyInstance, context: { port: () => number }) => Promise<void> | void;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_RATE_LIMIT = { max: 1000, windowMs: 10_000 };

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
  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    connectionTimeout: 30_000,
    requestTimeout: 15_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
    forceCloseConnections: true,
  });
  // Only JSON bodies exist here; without the text parser, anything else is a 415.
  app.removeContentTypeParser('text/plain');
  installErrorHandlers(app);
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  await app.register(rateLimit, {
    max: limit.max,
    timeWindow: limit.windowMs,
    hook: 'onRequest',
    keyGenerator: (request) => request.headers.authorization ?? request.ip,
    // The returned object is thrown, so the shared error handler shapes the 429 like every other refusal.
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many requests: retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  installGuards(app, { port: () => port, token: () => core.token });
  registerApiRoutes(app, core);
  registerOpenApiRoute(app, core.options.version);
  await options.extend?.(app, { port: () => port });
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
