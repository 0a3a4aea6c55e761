/** Pure helpers for the settings view's backup: the file's name and content, reading one, the outcome. */
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  backupSchema,
  type InboxBackup,
  type MergeReport,
} from '../../../shared/backup-schemas';

const pad = (n: number) => String(n).padStart(2, '0');

/** `lull-backup-2026-11-21.json`, by the local calendar day of `at`. */
export function backupFileName(at: number): string {
  const day = new Date(at);
  return `lull-backup-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.json`;
}

export function buildBackup(
  inbox: InboxBackup,
  settings: Record<string, unknown>,
  exportedAt: number,
): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, settings, ...inbox };
}

/** The file's text as a backup, or why it is not one, in words. */
export function readBackup(text: string): { ok: true; backup: Backup } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not a Lull backup: it is not JSON.' };
  }
  const head =
    typeof raw === 'object' && raw !== null ? (raw as { format?: unknown; version?: unknown }) : {};
  if (head.format !== BACKUP_FORMAT) return { ok: false, error: 'This file is not a Lull backup.' };
  if (head.version !== BACKUP_VERSION)
    return { ok: false, error: 'This backup comes from another version of Lull and cannot be read here.' };
  const parsed = backupSchema.safeParse(raw);
  if (parsed.success) return { ok: true, backup: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the file';
  return { ok: false, error: `This backup is damaged: ${where}: ${issue?.message ?? 'not valid'}.` };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Imported 12 items (3 new, 9 updated) and 4 history events." */
export function importSummary(report: MergeReport): string {
  const total = report.added + report.updated + report.unchanged;
  const parts = [`${report.added} new`, `${report.updated} updated`];
  if (report.unchanged > 0) parts.push(`${report.unchanged} already up to date`);
  return `Imported ${count(total, 'item', 'items')} (${parts.join(', ')}) and ${count(report.historyAdded, 'history event', 'history events')}.`;
}
