/** Every operation of the local API, for the OpenAPI document (openapi.ts). */

import { UPDATE_LIST_STATUSES } from '../../core/core-types';
import { MAX_BATCH } from '../../shared/schemas';
import type { Operation, PathItem, Response } from './openapi';
import { json, type Ref, ref } from './openapi-schemas';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './routes-updates';

const refusal = (description: string): Response => ({ description, content: json(ref('Error')) });

/** Refusals shared by many operations: `#/components/responses/…`. */
export const RESPONSES: Record<string, Response> = {
  Invalid: refusal('Malformed JSON, `__proto__`/`constructor` keys, or a field that fails validation'),
  Unauthorized: refusal('Missing or wrong bearer token (see `<data dir>/ingest-token`)'),
  Forbidden: refusal('Host is not the loopback address and port, a foreign Origin, or a cross-site fetch'),
  TooLarge: refusal('Body over 1 MiB (counted as it arrives, whatever Content-Length says)'),
  Conflict: refusal(
    '`until: "block-end"` while no block runs, or `"working-start"` with no working day ahead',
  ),
  UnsupportedMediaType: refusal(
    'A Content-Type other than `application/json`, or a body without one (form and text posts)',
  ),
  RateLimited: {
    ...refusal('More than 1000 requests in 10 s with the token, or from one address without a valid token'),
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
const ok = (description: string, schema: string) => ({ description, content: json(ref(schema)) });

const getHealth: Operation = {
  operationId: 'getHealth',
  summary: 'Is Lull running, and which version',
  ...PUBLIC,
  responses: { '200': ok('Running', 'Health'), '403': GUARDED['403'] },
};

const getOpenApi: Operation = {
  operationId: 'getOpenApi',
  summary: 'This OpenAPI 3.1 document',
  ...PUBLIC,
  responses: {
    '200': { description: 'OpenAPI 3.1', content: json({ type: 'object' }) },
    '403': GUARDED['403'],
  },
};

const pushUpdates: Operation = {
  operationId: 'pushUpdates',
  summary: `Push one update, or up to ${MAX_BATCH} as \`{"updates": […]}\``,
  description:
    '`source` and `externalId` identify an update: the same pair again updates the item. Answers ' +
    '202 once the items are durable on disk. Text fields are trimmed; text empty after trimming is refused.',
  requestBody: { required: true, content: json({ oneOf: [ref('UpdateInput'), ref('UpdatesBatch')] }) },
  responses: { '202': ok('Stored', 'UpdatesAccepted'), ...WITH_BODY, ...GUARDED },
};

const listUpdates: Operation = {
  operationId: 'listUpdates',
  summary: 'What the core knows: held and remembered updates, newest first',
  description:
    'Every update the core remembers (open ones always, done ones for 90 days after they were done), ' +
    "with deadlines and how they were routed, newest change first by the core's own sequence (a " +
    'clock set back does not reorder them). `held`: in the held queue now; `recent`: not held ' +
    '(delivered, let through, or already released in a summary); `all`: both. Page on with `before`.',
  parameters: [
    {
      name: 'status',
      in: 'query',
      required: false,
      description: 'Which updates (default `all`)',
      schema: { type: 'string', enum: [...UPDATE_LIST_STATUSES], default: 'all' },
    },
    {
      name: 'limit',
      in: 'query',
      required: false,
      description: `At most this many (default ${DEFAULT_LIST_LIMIT})`,
      schema: { type: 'integer', minimum: 1, maximum: MAX_LIST_LIMIT, default: DEFAULT_LIST_LIMIT },
    },
    {
      name: 'before',
      in: 'query',
      required: false,
      description: 'The `nextBefore` of the previous page: lists the items after it, newest first',
      schema: { type: 'integer', minimum: 1 },
    },
  ],
  responses: {
    '200': ok('Updates, newest first', 'UpdateList'),
    '400': responseRef('Invalid'),
    ...GUARDED,
  },
};

const pathParameter = (name: string, description: string) => ({
  name,
  in: 'path' as const,
  required: true,
  description,
  schema: { type: 'string' },
});

const retractUpdate: Operation = {
  operationId: 'retractUpdate',
  summary: 'Take an update back: it leaves the held queue and the inbox',
  description:
    'Percent-encode each part (an `externalId` with `/` becomes `%2F`). The core forgets the item and ' +
    'the app deletes it from the inbox, whatever the user did with it.',
  parameters: [
    pathParameter('source', 'The `source` the update was pushed with'),
    pathParameter('externalId', 'Its `externalId`'),
  ],
  responses: {
    '200': ok('Retracted', 'Retracted'),
    '400': responseRef('Invalid'),
    '404': refusal('The core does not know this update (never pushed, retracted, or older than 30 days)'),
    '415': responseRef('UnsupportedMediaType'),
    ...GUARDED,
  },
};

const getNextDigest: Operation = {
  operationId: 'getNextDigest',
  summary: 'What the next summary would show, and when it is due',
  responses: { '200': ok('Held updates, soonest deadline first', 'DigestNext'), ...GUARDED },
};

const releaseDigest: Operation = {
  operationId: 'releaseDigest',
  summary: 'Release everything held now, as one summary',
  description:
    'Send no body (no Content-Type needed), an empty body, or `{}`. `digest` is null when nothing was held.',
  requestBody: { required: false, content: json(ref('ReleaseRequest')) },
  responses: { '200': ok('Released', 'DigestReleased'), ...WITH_BODY, ...GUARDED },
};

const exportBackup: Operation = {
  operationId: 'exportBackup',
  summary: "Everything in one file: inbox with each item's state, history and settings (never secrets)",
  description:
    'The inbox lives in the Lull window, so it must be open: the core asks it and waits up to 10 s. ' +
    '409 `no-window` when no window answers.',
  responses: {
    '200': ok('A backup, as `lull export` writes it', 'Backup'),
    '409': refusal('No open window answered (`no-window`), or it failed (`window-refused`)'),
    ...GUARDED,
  },
};

const importBackup: Operation = {
  operationId: 'importBackup',
  summary: 'Merge a backup in by item identity, keeping done and snoozed state; restore its settings',
  description:
    'Bodies up to 64 MiB. Everything is validated before anything changes; the open window merges the ' +
    'inbox (no duplicates: the same item id is one item; done or snoozed beats open, the later act wins).',
  requestBody: { required: true, content: json(ref('BackupFile')) },
  responses: {
    '200': ok('What the merge did', 'BackupImported'),
    ...WITH_BODY,
    '409': refusal('No open window answered (`no-window`), or it failed (`window-refused`)'),
    ...GUARDED,
  },
};

const getFocus: Operation = {
  operationId: 'getFocus',
  summary: 'Whether focus is on, why, until when, and the next scheduled block',
  responses: { '200': ok('Focus status', 'FocusStatus'), ...GUARDED },
};

const setFocus: Operation = {
  operationId: 'setFocus',
  summary: 'Turn focus on (for `minutes`, or `until` an instant or a named end) or off',
  description:
    'Give `minutes` or `until`, not both; an `until` in the past is a 400. `{"active": false}` ' +
    'during a scheduled block skips the rest of it.',
  requestBody: { required: true, content: json(ref('FocusSet')) },
  responses: {
    '200': ok('The new focus status', 'FocusStatus'),
    ...WITH_BODY,
    '409': responseRef('Conflict'),
    ...GUARDED,
  },
};

export const PATHS: Record<string, PathItem> = {
  '/v1/health': { get: getHealth },
  '/v1/openapi.json': { get: getOpenApi },
  '/v1/updates': { post: pushUpdates, get: listUpdates },
  '/v1/updates/{source}/{externalId}': { delete: retractUpdate },
  '/v1/digest/next': { get: getNextDigest },
  '/v1/digest/release': { post: releaseDigest },
  '/v1/backup': { get: exportBackup, post: importBackup },
  '/v1/focus': { get: getFocus, put: setFocus },
};
