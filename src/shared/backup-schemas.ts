/**
 * One JSON file with everything a user would miss after a wipe: the inbox with what they did to each
 * item, the focus and digest history, and the settings. Secrets are never part of it: sources keep
 * theirs in the host's SecretStore and the settings hold none.
 */
import { z } from 'zod';
import { inboxItemSchema, journalEventSchema } from './schemas';

export const BACKUP_FORMAT = 'lull-backup';
export const BACKUP_VERSION = 1;

export const backupItemSchema = inboxItemSchema.extend({
  status: z.enum(['open', 'done', 'snoozed']),
  doneAt: z.number().optional(),
  snoozedUntil: z.number().optional(),
});
export type BackupItem = z.output<typeof backupItemSchema>;

export const backupHistorySchema = z.array(journalEventSchema).max(1_000_000);

/** What the renderer owns: the part of a backup it exports and merges. */
export const inboxBackupSchema = z.object({
  items: z.array(backupItemSchema).max(1_000_000),
  history: backupHistorySchema,
});
export type InboxBackup = z.output<typeof inboxBackupSchema>;

export const backupSchema = inboxBackupSchema.extend({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.number(),
  /** Settings as written, at whatever settings version; an import migrates them like the file. */
  settings: z.record(z.string(), z.unknown()),
});
export type Backup = z.output<typeof backupSchema>;

export const mergeReportSchema = z.object({
  added: z.number().int().min(0),
  updated: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  historyAdded: z.number().int().min(0),
});
export type MergeReport = z.output<typeof mergeReportSchema>;

/** The renderer's answer to a relayed request. */
export const backupResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    requestId: z.string(),
    ok: z.literal(true),
    inbox: inboxBackupSchema.optional(),
    report: mergeReportSchema.optional(),
  }),
  z.strictObject({ requestId: z.string(), ok: z.literal(false), error: z.string().max(500) }),
]);

/**
 * How an imported item meets the one already stored (pure; the renderer applies it). Identity is the
 * item id, so nothing is duplicated. The content of the most recently ingested copy wins; the user's
 * state is never lost: done or snoozed beats open, and between two states the more recent act wins.
 */
export function mergeBackupItem(local: BackupItem | undefined, incoming: BackupItem): BackupItem {
  if (!local) return incoming;
  const content = incoming.ingestedAt > local.ingestedAt ? incoming : local;
  const actedAt = (item: BackupItem) =>
    item.status === 'done' ? (item.doneAt ?? 0) : item.status === 'snoozed' ? (item.snoozedUntil ?? 0) : -1;
  const state = actedAt(incoming) > actedAt(local) ? incoming : local;
  const { status, doneAt, snoozedUntil } = state;
  const merged: BackupItem = { ...content, status };
  delete merged.doneAt;
  delete merged.snoozedUntil;
  if (doneAt !== undefined) merged.doneAt = doneAt;
  if (snoozedUntil !== undefined) merged.snoozedUntil = snoozedUntil;
  return merged;
}

/** History events are facts with a time: the same type at the same instant is the same event. */
export const historyKey = (event: z.output<typeof journalEventSchema>) =>
  `${event.type}@${event.at}${'id' in event ? `:${event.id}` : ''}`;
