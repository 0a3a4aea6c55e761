/** A request that failed on the disk is answered in words, never 500, and reported in the host log. */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { StorageError, toStorageError } from '../../core/lib/storage-error';
import type { Logger } from '../../core/ports';
import { installErrorHandlers, STORAGE_RETRY_AFTER_S } from './errors';

function errno(code: string, path?: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code, ...(path ? { path } : {}) });
}

async function answerTo(thrown: unknown) {
  const logged: string[] = [];
  const logger: Logger = { info() {}, warn: (m) => logged.push(m), error: (m) => logged.push(m) };
  const app = Fastify();
  installErrorHandlers(app, logger);
  app.post('/v1/updates', async () => {
    throw thrown;
  });
  const res = await app.inject({ method: 'POST', url: '/v1/updates?x=1' });
  await app.close();
  return { res, logged };
}

describe('storage failures over HTTP', () => {
  it('a full disk is 507 storage-full, naming the file, and the host log says what and where', async () => {
    const error = toStorageError(errno('ENOSPC'), '/data/Lull/journal.jsonl', 'write');
    const { res, logged } = await answerTo(error);
    expect(res.statusCode).toBe(507);
    const body = res.json();
    expect(body.error.code).toBe('storage-full');
    expect(body.error.message).toMatch(
      /^The disk is full \(ENOSPC\): Lull could not save \/data\/Lull\/journal\.jsonl/,
    );
    expect(body.error.message).toContain('Free some space');
    expect(logged).toEqual([`POST /v1/updates answered 507: ${body.error.message}`]);
  });

  it('a quota is the same', async () => {
    const { res } = await answerTo(toStorageError(errno('EDQUOT'), '/data/Lull/held.jsonl', 'write'));
    expect(res.statusCode).toBe(507);
    expect(res.json().error.message).toContain('held.jsonl');
  });

  it('another disk error is 503 storage-failed with Retry-After', async () => {
    const { res } = await answerTo(toStorageError(errno('EIO'), '/data/Lull/focus.json', 'write'));
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe(String(STORAGE_RETRY_AFTER_S));
    expect(res.json().error).toMatchObject({ code: 'storage-failed' });
    expect(res.json().error.message).toContain('/data/Lull/focus.json');
  });

  it('a bare ENOSPC that reached the API without the core’s words is put in words too', async () => {
    const { res } = await answerTo(errno('ENOSPC', '/data/Lull/items.log.jsonl'));
    expect(res.statusCode).toBe(507);
    expect(res.json().error.message).toContain('/data/Lull/items.log.jsonl');
  });

  it('a StorageError is a LullError with the file and the errno', () => {
    const error = toStorageError(errno('ENOSPC'), '/f', 'write') as StorageError;
    expect(error).toBeInstanceOf(StorageError);
    expect([error.code, error.file, error.errno]).toEqual(['storage-full', '/f', 'ENOSPC']);
  });

  it('anything else stays a 500 internal', async () => {
    const { res } = await answerTo(new TypeError('a bug'));
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal');
  });
});
