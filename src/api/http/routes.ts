import type { FastifyInstance } from 'fastify';
import type { Core } from '../../core/create-core';
import { LullError } from '../../shared/contract';
import { type FocusStatus, focusSetSchema } from '../../shared/focus-schemas';
import { sendError, sendInvalid } from './errors';
import { iso } from './iso';
import { registerBackupRoutes } from './routes-backup';
import { registerDigestRoutes } from './routes-digest';
import { registerUpdateRoutes } from './routes-updates';

/** The focus status as scripts see it: ISO 8601 instants rather than epoch milliseconds. */
export function focusForApi(status: FocusStatus) {
  const { nextBlock } = status;
  return {
    active: status.active,
    cause: status.cause,
    ruleName: status.ruleName,
    since: iso(status.since),
    until: iso(status.until),
    nextChangeAt: iso(status.nextChangeAt),
    skipping: status.skipping,
    nextBlock: nextBlock && { start: iso(nextBlock.start), end: iso(nextBlock.end), name: nextBlock.name },
  };
}

/**
 * Well-formed focus requests the core refuses. An `until` already past is the request's own fault
 * and never works on retry: 400, naming the field like any validation error. No running block for
 * "block-end", or no working hours for "working-start", conflict with the schedule and settings as
 * they are now: 409.
 */
const FOCUS_REFUSALS = new Map<string, 400 | 409>([
  ['invalid-until', 400],
  ['no-block', 409],
  ['no-working-hours', 409],
]);

export function registerApiRoutes(app: FastifyInstance, core: Core, version: string): void {
  app.get('/v1/health', { config: { public: true } }, async () => ({
    status: 'ok',
    version,
  }));

  registerUpdateRoutes(app, core);
  registerDigestRoutes(app, core);
  registerBackupRoutes(app, core);

  // The status is computed from the clock at each read, so a script polling just after the machine
  // woke sees the state now, not the one from before it slept; reading changes nothing.
  app.get('/v1/focus', async () => focusForApi(await core.handlers['focus:get-status'](undefined)));

  app.put('/v1/focus', async (request, reply) => {
    const parsed = focusSetSchema.safeParse(request.body);
    if (!parsed.success) {
      const lead = 'Send {"active": true}, optionally with "minutes" or "until", or {"active": false}.';
      return sendInvalid(reply, 'invalid-focus', lead, parsed.error);
    }
    try {
      return focusForApi(await core.handlers['focus:set'](parsed.data));
    } catch (error) {
      const status = error instanceof LullError ? FOCUS_REFUSALS.get(error.code) : undefined;
      if (!(error instanceof LullError) || status === undefined) throw error;
      const fields = status === 400 ? [{ field: 'until', message: error.message }] : undefined;
      return sendError(reply, status, error.code, error.message, fields);
    }
  });
}
