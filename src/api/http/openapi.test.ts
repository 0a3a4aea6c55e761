import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { tempDir } from '../../../test/helpers/temp-dir';
import { silentLogger } from '../../core/ports';
import { type BrowserHost, startBrowserHost } from '../../hosts/browser/host';
import { APP_VERSION } from '../../hosts/common/version';
import { focusSetSchema } from '../../shared/focus-schemas';
import { parseUpdatesBody } from '../../shared/schemas';
import { HTTP_METHODS, type JsonSchema, type OpenApiDocument } from './openapi';

let host: BrowserHost;
let doc: OpenApiDocument;

beforeEach(async () => {
  const dir = await tempDir();
  mkdirSync(path.join(dir, 'renderer'));
  writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>Lull</title>');
  host = await startBrowserHost({
    dataDir: path.join(dir, 'data'),
    port: 0,
    rendererDir: path.join(dir, 'renderer'),
    logger: silentLogger,
  });
  doc = (await (await fetch(`${host.api.url}/v1/openapi.json`)).json()) as OpenApiDocument;
});
afterEach(() => host.stop());

function api(route: string, method = 'GET', body?: unknown, token = host.core.token()) {
  return fetch(`${host.api.url}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Inlines `#/components/schemas/…` references so zod can read a schema on its own. */
function inline(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(inline);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { $ref, ...rest } = schema as { $ref?: string };
  if ($ref?.startsWith('#/components/schemas/')) {
    const target = doc.components.schemas[$ref.slice('#/components/schemas/'.length)];
    if (!target) throw new Error(`unresolved ${$ref}`);
    return inline(target);
  }
  return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inline(value)]));
}

const documented = (schema: JsonSchema) => z.fromJSONSchema(inline(schema) as z.core.JSONSchema.JSONSchema);
const bodySchema = (route: string, method: 'post' | 'put') =>
  documented(doc.paths[route]![method]!.requestBody!.content['application/json'].schema);
const responseSchema = (name: string) => documented(doc.components.schemas[name]!);

/** Every `$ref` in the document points at something. */
function refs(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as { $ref?: unknown }).$ref;
  return [...(typeof own === 'string' ? [own] : []), ...Object.values(node).flatMap(refs)];
}

/**
 * `METHOD /path` for every route in Fastify's printed tree (children print below their parent, four
 * columns further in), with `:param` written as OpenAPI's `{param}`; HEAD left out.
 */
function registeredRoutes(tree: string): string[] {
  const stack: string[] = [];
  return tree.split('\n').flatMap((line) => {
    const match = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)/.exec(line);
    if (!match) {
      const bare = /^([│ ]*)[├└]── (\S+)$/.exec(line);
      if (bare) stack.splice(bare[1]!.length / 4, Infinity, bare[2]!);
      return [];
    }
    const depth = match[1]!.length / 4;
    stack.splice(depth, Infinity, match[2]!);
    const route = stack.join('').replace(/:(\w+)/g, '{$1}');
    return match[3]!
      .split(', ')
      .filter((method) => method !== 'HEAD')
      .map((method) => `${method} ${route}`);
  });
}

describe('GET /v1/openapi.json', () => {
  it('serves an OpenAPI 3.1 document without a token, every reference resolving', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Lull local API', version: APP_VERSION });
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of Object.values(doc.paths)) {
      for (const operation of Object.values(item))
        expect(Object.keys(operation.responses)).not.toHaveLength(0);
    }
    for (const target of refs(doc)) {
      const [, section, name] = /^#\/components\/(schemas|responses)\/(.+)$/.exec(target) ?? [];
      expect(section && name && doc.components[section as 'schemas'][name], target).toBeTruthy();
    }
  });

  it('documents exactly the /v1 routes the server registers (except the WebSocket)', () => {
    const registered = registeredRoutes(host.api.app.printRoutes({ commonPrefix: false })).filter(
      (route) => route.includes(' /v1/') && !route.endsWith(' /v1/ws'),
    );
    const inDoc = Object.entries(doc.paths).flatMap(([route, item]) =>
      HTTP_METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${route}`),
    );
    expect(registered.length).toBeGreaterThan(8);
    expect(inDoc.sort()).toEqual(registered.sort());
  });

  it('its POST /v1/updates body schema refuses what the server refuses', async () => {
    const documentedBody = bodySchema('/v1/updates', 'post');
    const ok = { source: 'ci', externalId: 'build-1', title: 'Build failed' };
    const samples: [string, unknown][] = [
      ['minimal', ok],
      ['full', { ...ok, channel: 'chat', sender: { name: 'Ana', handle: '@ana' }, url: 'https://x.test/1' }],
      ['instants', { ...ok, receivedAt: '2026-11-20T10:00:00+01:00', deadline: 1_790_000_000_000 }],
      ['batch', { updates: [ok, { ...ok, externalId: 'build-2' }] }],
      ['no title', { source: 'ci', externalId: 'x' }],
      ['unknown channel', { ...ok, channel: 'pager' }],
      ['unknown key', { ...ok, colour: 'red' }],
      ['space in source', { ...ok, source: 'c i' }],
      ['sender without name', { ...ok, sender: { handle: '@ana' } }],
      ['javascript: URL', { ...ok, url: 'javascript:alert(1)' }],
      ['instant without zone', { ...ok, deadline: '2026-11-20T10:00:00' }],
      ['empty batch', { updates: [] }],
      [
        'oversized batch',
        { updates: Array.from({ length: 501 }, (_, i) => ({ ...ok, externalId: `${i}` })) },
      ],
      ['an array', [ok]],
    ];
    for (const [name, sample] of samples) {
      const response = await api('/v1/updates', 'POST', sample);
      const serverAccepts = response.status === 202;
      expect(response.status, name).toBe(serverAccepts ? 202 : 400);
      expect(documentedBody.safeParse(sample).success, name).toBe(serverAccepts);
      expect(parseUpdatesBody(sample).success, name).toBe(serverAccepts);
    }
  });

  it('its PUT /v1/focus body schema agrees with the focus schema', () => {
    const documentedBody = bodySchema('/v1/focus', 'put');
    const samples = [
      { active: true },
      { active: false },
      { active: true, minutes: 45 },
      { active: true, until: 'block-end' },
      { active: true, until: '2026-11-20T10:00:00Z' },
      { active: true, minutes: 0 },
      { active: true, minutes: 24 * 60 + 1 },
      { active: 'yes' },
      { active: false, minutes: 5 },
      { active: true, until: 'lunch' },
    ];
    for (const sample of samples) {
      expect(documentedBody.safeParse(sample).success, JSON.stringify(sample)).toBe(
        focusSetSchema.safeParse(sample).success,
      );
    }
  });

  it('describes held updates, the next summary and a release as the server sends them', async () => {
    await api('/v1/focus', 'PUT', { active: true, minutes: 60 });
    const held = { source: 'mail', externalId: 'm/1', title: 'Invoice', channel: 'email' };
    await api('/v1/updates', 'POST', { ...held, sender: { name: 'Bo' }, url: 'https://x.test/m' });
    const list = await (await api('/v1/updates?status=held')).json();
    expect(list.items).toHaveLength(1);
    expect(responseSchema('UpdateList').safeParse(list).success, JSON.stringify(list)).toBe(true);
    const next = await (await api('/v1/digest/next')).json();
    expect(next.heldCount).toBe(1);
    expect(responseSchema('DigestNext').safeParse(next).success, JSON.stringify(next)).toBe(true);
    const released = await (await api('/v1/digest/release', 'POST', {})).json();
    expect(released.released).toBe(1);
    expect(responseSchema('DigestReleased').safeParse(released).success, JSON.stringify(released)).toBe(true);
  });

  it('its POST /v1/digest/release body schema agrees with the server', async () => {
    const documentedBody = bodySchema('/v1/digest/release', 'post');
    for (const sample of [{}, { now: true }, [], 'now']) {
      const status = (await api('/v1/digest/release', 'POST', sample)).status;
      expect(status, JSON.stringify(sample)).toBe(documentedBody.safeParse(sample).success ? 200 : 400);
    }
  });

  it('describes the responses the server actually sends', async () => {
    const check = async (name: string, response: Promise<Response>, status: number) => {
      const res = await response;
      expect(res.status, name).toBe(status);
      const body = await res.json();
      const parsed = responseSchema(name).safeParse(body);
      expect(parsed.success, `${name}: ${JSON.stringify(body)}`).toBe(true);
    };
    await check('Health', api('/v1/health'), 200);
    await check(
      'UpdatesAccepted',
      api('/v1/updates', 'POST', { source: 'a', externalId: 'b', title: 'c' }),
      202,
    );
    await check('UpdateList', api('/v1/updates?status=all&limit=5'), 200);
    await check('DigestNext', api('/v1/digest/next'), 200);
    await check('DigestReleased', api('/v1/digest/release', 'POST'), 200);
    await check('Retracted', api('/v1/updates/a/b', 'DELETE'), 200);
    await check('Error', api('/v1/updates/a/b', 'DELETE'), 404);
    await check('Error', api('/v1/updates?limit=0'), 400);
    await check('FocusStatus', api('/v1/focus', 'PUT', { active: true, minutes: 30 }), 200);
    await check('FocusStatus', api('/v1/focus'), 200);
    await check('Error', api('/v1/focus', 'GET', undefined, 'wrong-token'), 401);
    await check('Error', api('/v1/updates', 'POST', { title: 1 }), 400);
    await check('Error', api('/v1/focus', 'PUT', { active: true, until: 'block-end' }), 409);
  });

  it('is rendered into the README endpoint table', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const table = renderEndpointTable(doc);
    expect(
      readme.includes(table),
      `README.md should contain this table, from the document:\n${table}\n`,
    ).toBe(true);
  });
});

/** The README's endpoint table, rendered from the document (a test keeps the README in step). */
function renderEndpointTable(document: OpenApiDocument): string {
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
