/**
 * The local API as an OpenAPI 3.1 document, served at GET /v1/openapi.json. Request bodies are generated
 * from the zod schemas the routes validate with, so the document cannot drift from what is accepted;
 * a test fails when a /v1 route is added without being documented here.
 */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_PORT } from '../../hosts/common/data-dir';
import { PATHS, RESPONSES } from './openapi-paths';
import { type JsonSchema, RESPONSE_SCHEMAS, type Ref, requestSchemas } from './openapi-schemas';

export type { JsonSchema };
export interface Response {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, { schema: JsonSchema }>;
}
interface Parameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  description: string;
  schema: JsonSchema;
}
export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  /** `[]` for public routes; otherwise the document's bearer requirement applies. */
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: JsonSchema } } };
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

export function buildOpenApiDocument(version: string): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Lull local API',
      version,
      description:
        'Push updates into the Lull inbox, see what it holds, release summaries and control focus. ' +
        'Listens on 127.0.0.1 only; the port in use is in `<data dir>/runtime.json`, the token in ' +
        '`<data dir>/ingest-token`. No CORS: OPTIONS answers 405, and web pages are refused.',
    },
    servers: [
      {
        url: 'http://127.0.0.1:{port}',
        description: 'The running app (loopback only)',
        variables: { port: { default: String(DEFAULT_PORT) } },
      },
    ],
    security: [{ bearer: [] }],
    paths: PATHS,
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
