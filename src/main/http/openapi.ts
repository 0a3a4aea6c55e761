/**
 * The local API as an OpenAPI 3.1 document, served at GET /v1/openapi.json. Request bodies are generated
 * from the zod schemas the routes validate with, so the document cannot drift from what is accepted;
 * a test fails when a /v1 route is added without being documented here.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FOCUS_CAUSES, focusSetSchema } from '../../shared/focus-schemas';
import { instantSchema } from '../../shared/instant';
import { MAX_BATCH, updateInputSchema, updatesBatchSchema } from '../../shared/schemas';
import { DEFAULT_PORT } from '../data-dir';

export type JsonSchema = { [key: string]: unknown };
type Ref = { $ref: string };
interface Response {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}
export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  /** `[]` for public routes; otherwise the document's bearer requirement applies. */
  security?: Record<string, string[]>[];
  requestBody?: { required: true; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, Response | Ref>;
}
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type PathItem = Partial<Record<(typeof HTTP_METHODS)[number], Operation>>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string; variables: Record<string, { default: string }> }[];
  security: Record<string, string[]>[];
  paths: Record<string, PathItem>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, Response>;
    securitySchemes: Record<string, JsonSchema>;
  };
}

const ref = (name: string): Ref => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
const dateTime = { type: 'string', format: 'date-time' };
const nullable = (schema: JsonSchema) => ({ anyOf: [schema, { type: 'null' }] });

/**
 * What the routes send back; written by hand (the routes build them from core types). Closed with
 * `additionalProperties: false`, so a test fails when a route sends a field this does not describe.
 */
const RESPONSE_SCHEMAS: Record<string, JsonSchema> = {
  Health: {
    type: 'object',
    properties: { status: { const: 'ok' }, version: { type: 'string' } },
    required: ['status', 'version'],
    additionalProperties: false,
  },
  UpdatesAccepted: {
    type: 'object',
    properties: {
      accepted: { type: 'integer', minimum: 1 },
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string', description: '`source/externalId`' },
            deadline: { ...dateTime, description: 'Reply by; computed from the charter unless sent' },
            created: { type: 'boolean', description: 'false when the update replaced an item' },
          },
          required: ['id', 'deadline', 'created'],
          additionalProperties: false,
        },
      },
    },
    required: ['accepted', 'items'],
    additionalProperties: false,
  },
  FocusStatus: {
    type: 'object',
    properties: {
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
      nextBlock: nullable({
        type: 'object',
        properties: { start: dateTime, end: dateTime, name: { type: 'string' } },
        required: ['start', 'end', 'name'],
        additionalProperties: false,
      }),
    },
    required: ['active', 'cause', 'ruleName', 'since', 'until', 'nextChangeAt', 'skipping', 'nextBlock'],
    additionalProperties: false,
  },
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
function requestSchemas(): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  registry.add(instantSchema, { id: 'Instant' });
  registry.add(updateInputSchema, { id: 'UpdateInput' });
  registry.add(updatesBatchSchema, { id: 'UpdatesBatch' });
  registry.add(focusSetSchema, { id: 'FocusSet' });
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
  return Object.fromEntries(bare);
}

const refusal = (description: string): Response => ({ description, content: json(ref('Error')) });
const RESPONSES: Record<string, Response> = {
  Invalid: refusal('Malformed JSON, `__proto__`/`constructor` keys, or a field that fails validation'),
  Unauthorized: refusal('Missing or wrong bearer token (see `<data dir>/ingest-token`)'),
  Forbidden: refusal('Host is not the loopback address and port, a foreign Origin, or a cross-site fetch'),
  TooLarge: refusal('Body over 1 MiB'),
  Conflict: refusal(
    '`until: "block-end"` while no block runs, or `"working-start"` with no working day ahead',
  ),
  UnsupportedMediaType: refusal('A body that is not `Content-Type: application/json`'),
  RateLimited: {
    ...refusal('More than 1000 requests in 10 s for one token'),
    headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } },
  },
};
const responseRef = (name: keyof typeof RESPONSES): Ref => ({ $ref: `#/components/responses/${name}` });
const GUARDED = {
  '401': responseRef('Unauthorized'),
  '403': responseRef('Forbidden'),
  '429': responseRef('RateLimited'),
};
const WITH_BODY = {
  '400': responseRef('Invalid'),
  '413': responseRef('TooLarge'),
  '415': responseRef('UnsupportedMediaType'),
};
const PUBLIC = { security: [] as Record<string, string[]>[] };

export function buildOpenApiDocument(version: string): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lull local API',
      version,
      description:
        'Push updates into the Lull inbox and control focus. Listens on 127.0.0.1 only; the port in use ' +
        'is in `<data dir>/runtime.json`, the token in `<data dir>/ingest-token`.',
    },
    servers: [
      {
        url: 'http://127.0.0.1:{port}',
        description: 'The running app (loopback only)',
        variables: { port: { default: String(DEFAULT_PORT) } },
      },
    ],
    security: [{ bearer: [] }],
    paths: {
      '/v1/health': {
        get: {
          operationId: 'getHealth',
          summary: 'Is Lull running, and which version',
          ...PUBLIC,
          responses: {
            '200': { description: 'Running', content: json(ref('Health')) },
            '403': GUARDED['403'],
          },
        },
      },
      '/v1/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This OpenAPI 3.1 document',
          ...PUBLIC,
          responses: {
            '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) },
            '403': GUARDED['403'],
          },
        },
      },
      '/v1/updates': {
        post: {
          operationId: 'pushUpdates',
          summary: `Push one update, or up to ${MAX_BATCH} as \`{"updates": […]}\``,
          description:
            '`source` and `externalId` identify an update: the same pair again updates the item. Answers ' +
            '202 once the items are durable on disk. Text fields are trimmed; text empty after trimming is refused.',
          requestBody: {
            required: true,
            content: json({ oneOf: [ref('UpdateInput'), ref('UpdatesBatch')] }),
          },
          responses: {
            '202': { description: 'Stored', content: json(ref('UpdatesAccepted')) },
            ...WITH_BODY,
            ...GUARDED,
          },
        },
      },
      '/v1/focus': {
        get: {
          operationId: 'getFocus',
          summary: 'Whether focus is on, why, until when, and the next scheduled block',
          responses: {
            '200': { description: 'Focus status', content: json(ref('FocusStatus')) },
            ...GUARDED,
          },
        },
        put: {
          operationId: 'setFocus',
          summary: 'Turn focus on (for `minutes`, or `until` an instant or a named end) or off',
          description:
            'Give `minutes` or `until`, not both; an `until` in the past is a 400. `{"active": false}` ' +
            'during a scheduled block skips the rest of it.',
          requestBody: { required: true, content: json(ref('FocusSet')) },
          responses: {
            '200': { description: 'The new focus status', content: json(ref('FocusStatus')) },
            ...WITH_BODY,
            '409': responseRef('Conflict'),
            ...GUARDED,
          },
        },
      },
    },
    components: {
      schemas: { ...requestSchemas(), ...RESPONSE_SCHEMAS },
      responses: RESPONSES,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token in `<data dir>/ingest-token`' },
      },
    },
  };
}

/** Public: the document holds no secret, and scripts need it before they have a token. */
export function registerOpenApiRoute(app: FastifyInstance, version: string): void {
  let document: OpenApiDocument | null = null;
  app.get('/v1/openapi.json', { config: { public: true } }, async () => {
    document ??= buildOpenApiDocument(version);
    return document;
  });
}

/** The README's endpoint table, rendered from the document (a test keeps the README in step). */
export function renderEndpointTable(document: OpenApiDocument): string {
  const rows = Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const token = operation.security?.length === 0 ? 'no' : 'yes';
      return [`| \`${method.toUpperCase()} ${path}\` | ${token} | ${operation.summary} |`];
    }),
  );
  return ['| endpoint | token | what it does |', '|---|---|---|', ...rows].join('\n');
}
