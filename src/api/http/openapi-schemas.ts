/** The schemas of the OpenAPI document: request bodies from zod, responses by hand. */
import { z } from 'zod';
import { backupSchema } from '../../shared/backup-schemas';
import { CHANNELS, PRIORITIES } from '../../shared/channels';
import { DIGEST_CAUSES } from '../../shared/digest-schemas';
import { FOCUS_CAUSES, focusSetSchema } from '../../shared/focus-schemas';
import { instantSchema } from '../../shared/instant';
import { ROUTE_ACTIONS, ROUTE_REASONS } from '../../shared/routing';
import { updateInputSchema, updatesBatchSchema } from '../../shared/schemas';

export type JsonSchema = { [key: string]: unknown };
export type Ref = { $ref: string };

export const ref = (name: string): Ref => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const dateTime = { type: 'string', format: 'date-time' };
const nullable = (schema: JsonSchema) => ({ anyOf: [schema, { type: 'null' }] });

/** A closed object: every property listed, the required ones named. */
function closed(properties: Record<string, JsonSchema>, required: string[]): JsonSchema {
  return { type: 'object', properties, required, additionalProperties: false };
}

const sender = closed(
  {
    name: { type: 'string' },
    handle: { type: 'string' },
    timeZone: { type: 'string', description: "The sender's IANA zone, e.g. Europe/Berlin" },
  },
  ['name'],
);
const channel = { type: 'string', enum: [...CHANNELS] };

const heldItem = closed(
  {
    id: { type: 'string' },
    title: { type: 'string' },
    channel,
    sender,
    url: { type: 'string' },
    deadline: dateTime,
    heldAt: { ...dateTime, description: 'When it was held' },
  },
  ['id', 'title', 'channel', 'deadline', 'heldAt'],
);

/**
 * What the routes send back; written by hand (the routes build them from core types). Closed with
 * `additionalProperties: false`, so a test fails when a route sends a field this does not describe.
 */
export const RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  Backup: {
    type: 'object',
    description: 'A Lull backup file (the same shape POST /v1/backup takes)',
    required: ['format', 'version', 'exportedAt', 'settings', 'items', 'history'],
    properties: {
      format: { const: 'lull-backup' },
      version: { const: 1 },
      exportedAt: { type: 'number', description: 'Epoch milliseconds' },
      settings: { type: 'object' },
      items: { type: 'array', items: { type: 'object' } },
      history: { type: 'array', items: { type: 'object' } },
    },
  },
  BackupImported: closed(
    {
      report: closed(
        {
          added: { type: 'integer' },
          updated: { type: 'integer' },
          unchanged: { type: 'integer' },
          historyAdded: { type: 'integer' },
        },
        ['added', 'updated', 'unchanged', 'historyAdded'],
      ),
      settingsVersion: { type: 'integer' },
    },
    ['report', 'settingsVersion'],
  ),
  Health: closed({ status: { const: 'ok' }, version: { type: 'string' } }, ['status', 'version']),
  UpdatesAccepted: closed(
    {
      accepted: { type: 'integer', minimum: 1 },
      items: {
        type: 'array',
        items: closed(
          {
            id: { type: 'string', description: '`source/externalId`' },
            deadline: { ...dateTime, description: 'Reply by; computed from the charter unless sent' },
            created: { type: 'boolean', description: 'false when the update replaced an item' },
          },
          ['id', 'deadline', 'created'],
        ),
      },
    },
    ['accepted', 'items'],
  ),
  UpdateList: closed(
    {
      total: { type: 'integer', minimum: 0, description: 'How many match `status`, before `limit`' },
      items: { type: 'array', items: ref('ListedUpdate') },
      nextBefore: {
        type: ['integer', 'null'],
        description: 'Pass as `before` for the next page; null on the last page',
      },
    },
    ['total', 'items', 'nextBefore'],
  ),
  ListedUpdate: closed(
    {
      id: { type: 'string', description: '`source/externalId`, each percent-encoded' },
      source: { type: 'string' },
      externalId: { type: 'string' },
      channel,
      title: { type: 'string' },
      sender,
      url: { type: 'string' },
      receivedAt: dateTime,
      deadline: { ...dateTime, description: 'Reply by' },
      priority: { type: 'string', enum: [...PRIORITIES] },
      route: {
        ...closed(
          {
            action: { type: 'string', enum: [...ROUTE_ACTIONS] },
            reason: { type: 'string', enum: [...ROUTE_REASONS] },
            text: { type: 'string', description: 'e.g. "held during focus until 10:30"' },
          },
          ['action', 'reason', 'text'],
        ),
        description: 'How it was routed when it first arrived',
      },
      held: { type: 'boolean', description: 'In the held queue now, waiting for the next summary' },
      seq: {
        type: 'integer',
        minimum: 1,
        description: "The core's sequence of the item's last change: the list's order, newest first",
      },
    },
    ['id', 'source', 'externalId', 'channel', 'title', 'receivedAt', 'deadline', 'priority', 'held', 'seq'],
  ),
  Retracted: closed({ retracted: { const: true }, id: { type: 'string' } }, ['retracted', 'id']),
  HeldItem: heldItem,
  DigestNext: closed(
    {
      heldCount: { type: 'integer', minimum: 0 },
      nextReleaseAt: {
        ...nullable(dateTime),
        description: 'When held updates are next delivered; null when nothing is held',
      },
      items: { type: 'array', items: ref('HeldItem'), description: 'Soonest deadline first' },
    },
    ['heldCount', 'nextReleaseAt', 'items'],
  ),
  DigestReleased: closed(
    {
      released: { type: 'integer', minimum: 0 },
      digest: nullable(
        closed(
          {
            id: { type: 'string' },
            at: dateTime,
            cause: { type: 'string', enum: [...DIGEST_CAUSES] },
            headline: { type: 'string', description: 'The summary line the notification shows' },
            items: { type: 'array', items: ref('HeldItem') },
          },
          ['id', 'at', 'cause', 'headline', 'items'],
        ),
      ),
    },
    ['released', 'digest'],
  ),
  FocusStatus: closed(
    {
      active: { type: 'boolean' },
      cause: nullable({ type: 'string', enum: [...FOCUS_CAUSES] }),
      ruleName: { ...nullable({ type: 'string' }), description: 'The rule behind a scheduled block' },
      since: nullable(dateTime),
      until: {
        ...nullable(dateTime),
        description: 'While active: when focus ends; null means until turned off',
      },
      nextChangeAt: { ...nullable(dateTime), description: 'When focus next turns on or off by itself' },
      skipping: { type: 'boolean', description: 'A scheduled block is being skipped' },
      nextBlock: nullable(
        closed({ start: dateTime, end: dateTime, name: { type: 'string' } }, ['start', 'end', 'name']),
      ),
    },
    ['active', 'cause', 'ruleName', 'since', 'until', 'nextChangeAt', 'skipping', 'nextBlock'],
  ),
  Error: {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          message: { type: 'string', description: 'One sentence a person can act on' },
          fields: {
            type: 'array',
            items: {
              type: 'object',
              properties: { field: { type: 'string' }, message: { type: 'string' } },
              required: ['field', 'message'],
            },
          },
        },
        required: ['code', 'message'],
      },
    },
    required: ['error'],
  },
};

/** JSON Schema for the request bodies, from the very zod schemas the routes parse with. */
export function requestSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  registry.add(instantSchema, { id: 'Instant' });
  registry.add(updateInputSchema, { id: 'UpdateInput' });
  registry.add(updatesBatchSchema, { id: 'UpdatesBatch' });
  registry.add(focusSetSchema, { id: 'FocusSet' });
  registry.add(backupSchema, { id: 'BackupFile' });
  const safeUrl = updateInputSchema.shape.url.unwrap();
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
    // A refinement has no JSON Schema form; say the part a pattern can (the URL parser also refuses credentials).
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === safeUrl) Object.assign(jsonSchema, { pattern: '^[hH][tT][tT][pP][sS]?://' });
    },
  });
  const bare = Object.entries(schemas).map(([id, { $schema: _, $id: __, ...schema }]) => [id, schema]);
  return {
    ...Object.fromEntries(bare),
    ReleaseRequest: { type: 'object', maxProperties: 0, description: 'Nothing to say: `{}` or no body' },
  };
}
