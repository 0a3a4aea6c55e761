import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type CliIo, readJsonInput, usageError } from '../io';
import { GLOBAL_HELP, parseCommand } from '../session';

export const BACKUP_HELP = `Usage: lull export [--out FILE]   write a backup (inbox with each item's state, history, settings)
       lull import FILE|-          merge a backup in: nothing is duplicated, done and snoozed are kept

The inbox lives in the Lull window, so it must be open (the desktop app, or the page \`npm run web\`
prints). Secrets (source tokens and passwords) are never part of a backup.
Uses GET and POST /v1/backup.

  --out FILE        write the backup to FILE instead of stdout

${GLOBAL_HELP}`;

/** The relay waits up to 10 s for the window; give the answer time to arrive. */
const BACKUP_TIMEOUT_MS = 30_000;

export async function exportCommand(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals, session } = parseCommand(argv, io, { out: { type: 'string' } });
  if (positionals.length > 0) throw usageError(`Unexpected "${positionals[0]}": use --out FILE`);
  const backup = (await session.call({
    method: 'GET',
    path: '/v1/backup',
    unsupported: '`export`',
    timeoutMs: BACKUP_TIMEOUT_MS,
  })) as { items?: unknown[]; history?: unknown[] };
  const text = `${JSON.stringify(backup, null, 2)}\n`;
  const out = values.out;
  if (typeof out !== 'string') {
    io.stdout.write(text);
    return;
  }
  const file = path.resolve(io.cwd, out);
  try {
    await fs.writeFile(file, text, { mode: 0o600 });
  } catch (error) {
    throw usageError(`Cannot write ${out}: ${(error as Error).message}`);
  }
  const summary = `Exported ${backup.items?.length ?? 0} items and ${backup.history?.length ?? 0} history events to ${out}`;
  session.print(summary, { file, items: backup.items?.length ?? 0, history: backup.history?.length ?? 0 });
}

export async function importCommand(argv: string[], io: CliIo): Promise<void> {
  const { positionals, session } = parseCommand(argv, io);
  const [input, extra] = positionals;
  if (input === undefined) throw usageError('import needs a backup file (or - for stdin)');
  if (extra !== undefined) throw usageError(`Unexpected "${extra}" after the file`);
  const body = await readJsonInput(input, io);
  const result = (await session.call({
    method: 'POST',
    path: '/v1/backup',
    body,
    unsupported: '`import`',
    timeoutMs: BACKUP_TIMEOUT_MS,
  })) as { report?: { added?: number; updated?: number; unchanged?: number; historyAdded?: number } };
  const r = result.report ?? {};
  const items = (r.added ?? 0) + (r.updated ?? 0) + (r.unchanged ?? 0);
  session.print(
    `Imported ${items} items (${r.added ?? 0} new, ${r.updated ?? 0} updated, ${r.unchanged ?? 0} unchanged) and ${r.historyAdded ?? 0} history events`,
    result,
  );
}
