import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import { isErrno, STORAGE_FAILED, STORAGE_FULL, toStorageError } from '../../core/lib/storage-error';
import type { Logger } from '../../core/ports';
import { LullError } from '../../shared/contract';
import { describeIssues } from '../../shared/schemas';

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: { field: string; message: string }[] };
}

/** Every refusal is JSON of one shape, so a script can print `error.message` and be understood. */
export function sendError(
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
  fields?: ApiErrorBody['error']['fields'],
): FastifyReply {
  const body: ApiErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** A 400 naming each offending field, its message led by what the request should have been. */
export function sendInvalid(
  reply: FastifyReply,
  code: string,
  lead: string,
  error: z.ZodError,
): FastifyReply {
  const fields = describeIssues(error);
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return sendError(reply, 400, code, `${lead} ${summary}`, fields);
}

/** Errors Fastify raises before a route runs (a malformed URL, an over-long path parameter). */
export function frameworkError(error: FastifyError, reply: FastifyReply): FastifyReply {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return sendError(reply, status, 'bad-request', 'The request URL was refused');
}

const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body-too-large', message: 'Request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported-media-type',
    message: 'Send JSON with Content-Type: application/json',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid-json', message: 'The JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid-json', message: 'The body is not valid JSON' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid-content-length',
    message: 'Content-Length does not match the body',
  },
};

/** How long a client should wait before retrying after a disk error other than a full disk. */
export const STORAGE_RETRY_AFTER_S = 30;

/**
 * A file Lull could not write: 507 when the disk is full, 503 for any other disk error — never 500,
 * and never a 2xx for what is not durable. The core names the file; an errno that reached here without
 * the core's words is put in words here.
 */
function storageFailure(error: unknown): { status: 503 | 507; code: string; message: string } | null {
  const typed =
    error instanceof LullError
      ? error
      : isErrno(error)
        ? toStorageError(error, error.path ?? 'a file', 'write')
        : null;
  if (!(typed instanceof LullError)) return null;
  if (typed.code === STORAGE_FULL) return { status: 507, code: typed.code, message: typed.message };
  if (typed.code === STORAGE_FAILED) return { status: 503, code: typed.code, message: typed.message };
  return null;
}

export function installErrorHandlers(app: FastifyInstance, logger?: Logger): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return sendError(reply, known.status, known.code, known.message);
    if (error instanceof SyntaxError || error.statusCode === 400) {
      // secure-json-parse refuses __proto__ and constructor.prototype keys with a 400.
      return sendError(reply, 400, 'invalid-json', `The body was refused: ${error.message}`);
    }
    if (error.statusCode === 429) return sendError(reply, 429, 'rate-limited', error.message);
    const storage = storageFailure(error);
    if (storage) {
      logger?.error(
        `${request.method} ${request.url.split('?')[0]} answered ${storage.status}: ${storage.message}`,
      );
      if (storage.status === 503) reply.header('Retry-After', String(STORAGE_RETRY_AFTER_S));
      return sendError(reply, storage.status, storage.code, storage.message);
    }
    request.log.error(error);
    return sendError(reply, 500, 'internal', 'Lull could not handle this request');
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'not-found', `No such endpoint: ${request.method} ${request.url.split('?')[0]}`),
  );
}
