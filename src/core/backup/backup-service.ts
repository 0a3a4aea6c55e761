import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { backupResponseSchema } from '../../shared/backup-schemas';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  backupSchema,
  type InboxBackup,
  type MergeReport,
} from '../../shared/backup-schemas';
import { LullError } from '../../shared/contract';
import type { CoreEvents } from '../events';
import type { Clock } from '../ports';
import { parseSettingsObject, type SettingsStore } from '../settings/settings-store';

type BackupResponse = z.output<typeof backupResponseSchema>;

export interface BackupService {
  /** Everything in one file: the window's inbox and history, and the core's settings. */
  exportBackup(): Promise<Backup>;
  /** Restores the settings and has the window merge the inbox by item identity. */
  importBackup(raw: unknown): Promise<{ report: MergeReport; settingsVersion: number }>;
  /** The window's answer to a relayed request; false when nobody was waiting for it. */
  respond(response: BackupResponse): boolean;
}

export const NO_WINDOW_MESSAGE =
  'The inbox lives in the Lull window: open it (the desktop app, or the link `npm run web` prints) and try again';

/**
 * Inbox items and history belong to the renderer (DESIGN.md data ownership), so the core relays a
 * backup request to the open window as an event and waits for its `backup:respond`. No window, no
 * answer: the request fails after `timeoutMs` with a message that says what to do.
 */
export function createBackupService(options: {
  events: CoreEvents;
  settings: SettingsStore;
  clock: Clock;
  timeoutMs?: number;
}): BackupService {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const waiting = new Map<string, (response: BackupResponse) => void>();

  function ask(
    request: { action: 'export' } | { action: 'import'; inbox: InboxBackup },
  ): Promise<BackupResponse> {
    const requestId = randomUUID();
    return new Promise<BackupResponse>((resolve, reject) => {
      const cancel = options.clock.setTimer(() => {
        waiting.delete(requestId);
        reject(new LullError('no-window', NO_WINDOW_MESSAGE));
      }, timeoutMs);
      waiting.set(requestId, (response) => {
        cancel();
        waiting.delete(requestId);
        if (response.ok) resolve(response);
        else reject(new LullError('window-refused', `The window could not do it: ${response.error}`));
      });
      options.events.emit('backup:requested', { requestId, ...request });
    });
  }

  return {
    async exportBackup() {
      const answer = await ask({ action: 'export' });
      if (!answer.ok || !answer.inbox) throw new LullError('window-refused', 'The window sent no inbox');
      return {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        exportedAt: options.clock.now(),
        settings: options.settings.get(),
        items: answer.inbox.items,
        history: answer.inbox.history,
      };
    },
    async importBackup(raw) {
      const parsed = backupSchema.safeParse(raw);
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new LullError(
          'invalid-backup',
          `Not a Lull backup: ${first?.path.join('.') || 'file'}: ${first?.message}`,
        );
      }
      // Validate everything before changing anything: settings that would be refused stop the import
      // before the window merges a single item, and no window means the settings stay as they were.
      const { version: _version, ...settings } = parseSettingsObject(parsed.data.settings);
      const answer = await ask({
        action: 'import',
        inbox: { items: parsed.data.items, history: parsed.data.history },
      });
      if (!answer.ok || !answer.report) throw new LullError('window-refused', 'The window sent no report');
      const saved = await options.settings.update(settings);
      return { report: answer.report, settingsVersion: saved.version };
    },
    respond(response) {
      const resolve = waiting.get(response.requestId);
      if (!resolve) return false;
      resolve(response);
      return true;
    },
  };
}
