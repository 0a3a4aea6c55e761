import type { FastifyInstance } from 'fastify';
import { type FocusStatus, focusSetSchema } from '../../shared/focus-schemas';
import { describeIssues, parseUpdatesBody } from '../../shared/schemas';
import type { Core } from '../core';
import { sendError } from './errors';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The focus status as scripts see it: ISO 8601 instants rather than epoch milliseconds. */
export function focusForApi(status: FocusStatus) {
  return { active: status.active, cause: status.cause, since: iso(status.since), until: iso(status.until) };
}

export function registerApiRoutes(app: FastifyInstance, core: Core): void {
  app.get('/v1/health', { config: { public: true } }, async () => ({
    status: 'ok',
    version: core.options.version,
  }));

  app.post('/v1/updates', async (request, reply) => {
    const parsed = parseUpdatesBody(request.body);
    if (!parsed.success) {
      const fields = describeIssues(parsed.error);
      const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
      return sendError(reply, 400, 'invalid-update', `The update was refused: ${summary}`, fields);
    }
    const results = await core.ingest.ingest(parsed.data);
    return reply.code(202).send({
      accepted: results.length,
      items: results.map((r) => ({ id: r.id, deadline: iso(r.deadline), created: r.created })),
    });
  });

  app.get('/v1/focus', async () => focusForApi(core.focus.status()));

  app.put('/v1/focus', async (request, reply) => {
    const parsed = focusSetSchema.safeParse(request.body);
    if (!parsed.success) {
      const fields = describeIssues(parsed.error);
      return sendError(
        reply,
        400,
        'invalid-focus',
        'Send {"active": true, "minutes": 45} or {"active": false}',
        fields,
      );
    }
    return focusForApi(await core.focus.set(parsed.data));
  });
}
