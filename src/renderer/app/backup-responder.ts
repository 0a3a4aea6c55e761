import type { LullApi, Unsubscribe } from '../../shared/contract';
import { tellCoreImportedState } from '../api/imported-state';
import { exportInbox, importInbox } from '../db/backup';
import type { LullDb } from '../db/lull-db';
import type { ClockSource } from '../lib/clock';
import { describeError } from '../lib/errors';

export type BackupApi = Pick<LullApi, 'backup' | 'onBackupRequested'> & {
  readonly inbox: Pick<LullApi['inbox'], 'setState'>;
};

/**
 * The window's answer when the core relays a backup (`lull export|import`, `/v1/backup`): the inbox
 * and history live here, so the core asks and waits. Every request gets an answer, a refusal included,
 * so the caller hears why instead of waiting for the core's timeout. Returns the unsubscribe.
 */
export function startBackupResponder(
  api: BackupApi,
  db: LullDb,
  clock: Pick<ClockSource, 'now'>,
  options: { onError?: (error: unknown) => void } = {},
): Unsubscribe {
  return api.onBackupRequested((request) => {
    void (async () => {
      try {
        if (request.action === 'export') {
          await api.backup.respond({ requestId: request.requestId, ok: true, inbox: await exportInbox(db) });
        } else {
          const report = await importInbox(db, request.inbox);
          await api.backup.respond({ requestId: request.requestId, ok: true, report });
          // After answering: the caller hears at once; the core then learns the done and snoozed.
          await tellCoreImportedState(
            api,
            db,
            request.inbox.items.map((item) => item.id),
            clock.now(),
          );
        }
      } catch (failure) {
        const error = describeError(failure).slice(0, 500);
        await api.backup.respond({ requestId: request.requestId, ok: false, error }).catch(options.onError);
      }
    })().catch(options.onError);
  });
}
