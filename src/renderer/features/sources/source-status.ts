import { DateTime } from 'luxon';
import type { SourceSettings, SourceStatus } from '../../../shared/source-schemas';

/** "just now", "2 min ago", "3 h ago", or the day and time for anything older than a day. */
export function formatAgo(at: number, now: number, zone: string): string {
  const minutes = Math.floor(Math.max(0, now - at) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `on ${DateTime.fromMillis(at, { zone }).toFormat('d LLL, HH:mm')}`;
}

/** The time of day in the user's zone, with the day when it is not today. */
export function formatAt(at: number, now: number, zone: string): string {
  const when = DateTime.fromMillis(at, { zone });
  const today = DateTime.fromMillis(now, { zone });
  return when.hasSame(today, 'day') ? when.toFormat('HH:mm') : when.toFormat('d LLL, HH:mm');
}

/** "Watching INBOX and Work (IDLE)". */
function watchingWords(source: SourceSettings): string {
  const folders = source.kind === 'imap' ? source.options.folders : [];
  const names = folders.length > 1 ? `${folders.slice(0, -1).join(', ')} and ${folders.at(-1)}` : folders[0];
  return `Watching ${names ?? 'the mailbox'} (IDLE)`;
}

/**
 * A source's status in one line: "Checked 2 min ago · next check 14:05", "Error: The feed at … is not
 * valid XML · next try 14:05", "Paused", "Checking now…", "Watching INBOX (IDLE) · checked just now".
 */
export function describeSourceStatus(
  source: SourceSettings,
  status: SourceStatus,
  now: number,
  zone: string,
): string {
  if (status.state === 'paused') return 'Paused';
  if (status.state === 'checking') return 'Checking now…';
  const next = status.nextPollAt === null ? null : formatAt(status.nextPollAt, now, zone);
  if (status.state === 'error') {
    const error = `Error: ${status.lastError ?? 'the last check failed'}`;
    return next ? `${error} · next try ${next}` : error;
  }
  const checked =
    status.lastSuccessAt === null
      ? 'Not checked yet'
      : `Checked ${formatAgo(status.lastSuccessAt, now, zone)}`;
  if (status.watching)
    return `${watchingWords(source)} · ${checked.charAt(0).toLowerCase()}${checked.slice(1)}`;
  return next ? `${checked} · next check ${next}` : checked;
}
