import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Core } from '../../core/create-core';
import { sendInvalid } from './errors';
import { heldForApi, iso } from './iso';

/** Releasing takes no parameters: no body at all, or `{}`. */
export const releaseBodySchema = z.strictObject({}).optional();

export function registerDigestRoutes(app: FastifyInstance, core: Core): void {
  app.get('/v1/digest/next', async () => {
    const status = await core.handlers['digest:peek'](undefined);
    return {
      heldCount: status.heldCount,
      nextReleaseAt: iso(status.nextReleaseAt),
      items: status.items.map(heldForApi),
    };
  });

  app.post('/v1/digest/release', async (request, reply) => {
    const parsed = releaseBodySchema.safeParse(request.body);
    if (!parsed.success) {
      return sendInvalid(reply, 'invalid-release', 'Send no body, or {}.', parsed.error);
    }
    const digest = await core.handlers['digest:release'](undefined);
    return {
      released: digest?.items.length ?? 0,
      digest: digest && {
        id: digest.id,
        at: iso(digest.at),
        cause: digest.cause,
        headline: digest.headline,
        items: digest.items.map(heldForApi),
      },
    };
  });
}
