import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { UPDATE_LIST_STATUSES } from '../../core/core-types';
import type { Core } from '../../core/create-core';
import { itemIdFor } from '../../shared/ids';
import { type InboxItem, parseUpdatesBody, updateInputSchema } from '../../shared/schemas';
import { sendError, sendInvalid } from './errors';
import { iso } from './iso';

export const MAX_LIST_LIMIT = 500;
export const DEFAULT_LIST_LIMIT = 100;

const limitMessage = `must be a whole number from 1 to ${MAX_LIST_LIMIT}`;

/** `?status=held|recent|all&limit=1..500`; anything else, repeated keys included, is a 400. */
export const updatesQuerySchema = z.strictObject({
  status: z.enum(UPDATE_LIST_STATUSES).default('all'),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, limitMessage)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_LIST_LIMIT, limitMessage)
    .default(DEFAULT_LIST_LIMIT),
  /** A `nextBefore` from the previous page: the items listed before it, newest first. */
  before: z
    .string()
    .regex(/^\d{1,15}$/, 'must be a nextBefore cursor from an earlier page')
    .transform(Number)
    .optional(),
});

/** What `DELETE /v1/updates/{source}/{externalId}` names: the pair POST took. */
const retractParamsSchema = z.strictObject({
  source: updateInputSchema.shape.source,
  externalId: updateInputSchema.shape.externalId,
});

/** An item as the core knows it, for scripts: ISO instants, and whether it sits in the held queue. */
export function itemForApi(item: InboxItem, held: boolean) {
  return {
    id: item.id,
    source: item.source,
    externalId: item.externalId,
    channel: item.channel,
    title: item.title,
    ...(item.sender ? { sender: item.sender } : {}),
    ...(item.url ? { url: item.url } : {}),
    receivedAt: iso(item.receivedAt),
    deadline: iso(item.deadline),
    priority: item.priority,
    ...(item.route ? { route: item.route } : {}),
    held,
  };
}

export function registerUpdateRoutes(app: FastifyInstance, core: Core): void {
  app.post('/v1/updates', async (request, reply) => {
    const parsed = parseUpdatesBody(request.body);
    if (!parsed.success) return sendInvalid(reply, 'invalid-update', 'The update was refused:', parsed.error);
    const results = await core.handlers['updates:ingest'](parsed.data);
    return reply.code(202).send({
      accepted: results.length,
      items: results.map((r) => ({ id: r.id, deadline: iso(r.deadline), created: r.created })),
    });
  });

  app.get('/v1/updates', async (request, reply) => {
    const parsed = updatesQuerySchema.safeParse(request.query);
    if (!parsed.success) return sendInvalid(reply, 'invalid-query', 'The query was refused:', parsed.error);
    const { status, limit, before } = parsed.data;
    const page = await core.handlers['updates:list']({
      status,
      limit,
      ...(before !== undefined ? { before } : {}),
    });
    return {
      total: page.total,
      items: page.items.map(({ item, held, seq }) => ({ ...itemForApi(item, held), seq })),
      nextBefore: page.nextBefore,
    };
  });

  app.delete('/v1/updates/:source/:externalId', async (request, reply) => {
    const parsed = retractParamsSchema.safeParse(request.params);
    if (!parsed.success) return sendInvalid(reply, 'invalid-update', 'No such update:', parsed.error);
    const id = itemIdFor(parsed.data.source, parsed.data.externalId);
    if (!(await core.handlers['updates:retract']({ id })).retracted) {
      return sendError(reply, 404, 'unknown-update', `Lull does not know the update ${id}`);
    }
    return { retracted: true, id };
  });
}
