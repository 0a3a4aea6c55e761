import type { FastifyInstance } from 'fastify';
import type { Core } from '../../core/create-core';
import { LullError } from '../../shared/contract';
import { sendError } from './errors';

/** A backup carries the whole inbox: far more than an update batch, so its own, larger cap. */
export const BACKUP_BODY_LIMIT = 64 * 1024 * 1024;

/** How each backup refusal reads over HTTP: bad input is a 400, a missing or failing window a 409. */
const STATUS: Record<string, 400 | 409> = {
  'invalid-backup': 400,
  'invalid-settings': 400,
  'no-window': 409,
  'window-refused': 409,
};

function refuse(reply: Parameters<typeof sendError>[0], error: unknown) {
  if (error instanceof LullError && STATUS[error.code]) {
    return sendError(reply, STATUS[error.code]!, error.code, error.message);
  }
  throw error;
}

export function registerBackupRoutes(app: FastifyInstance, core: Core): void {
  app.get('/v1/backup', async (_request, reply) => {
    try {
      const backup = await core.handlers['backup:export']();
      const day = new Date(backup.exportedAt).toISOString().slice(0, 10);
      reply.header('Content-Disposition', `attachment; filename="lull-backup-${day}.json"`);
      return backup;
    } catch (error) {
      return refuse(reply, error);
    }
  });

  app.post('/v1/backup', { bodyLimit: BACKUP_BODY_LIMIT }, async (request, reply) => {
    try {
      return await core.handlers['backup:import'](request.body);
    } catch (error) {
      return refuse(reply, error);
    }
  });
}
