import { formatDue } from '../../shared/due-format';
import { type CliIo, usageError } from '../io';
import { GLOBAL_HELP, parseCommand } from '../session';
import { timeContext, toMillis } from '../time';

export const INBOX_HELP = `Usage: lull inbox [--overdue] [--limit N]

Lists open updates by reply-by time; --overdue only those past it. --limit caps the list (default 50).
Uses GET /v1/updates?status=open|overdue&limit=N; a Lull without it says so (exit 2).

${GLOBAL_HELP}`;

export const MAX_LIMIT = 500;

interface ListedItem {
  id?: string;
  title?: string;
  channel?: string;
  deadline?: string | number;
  sender?: { name?: string };
}

export function describeItems(items: ListedItem[], overdue: boolean, io: CliIo): string {
  if (items.length === 0) return overdue ? 'Nothing is overdue' : 'The inbox is empty';
  const ctx = timeContext(io);
  return items
    .map((item) => {
      const deadline = toMillis(item.deadline);
      const due = deadline === null ? '' : `${formatDue(deadline, ctx).text} · `;
      const from = item.sender?.name ? ` — ${item.sender.name}` : '';
      const channel = item.channel ? ` (${item.channel})` : '';
      return `${due}${item.title ?? '(no title)'}${from}${channel}${item.id ? ` · ${item.id}` : ''}`;
    })
    .join('\n');
}

export async function inbox(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals, session } = parseCommand(argv, io, {
    overdue: { type: 'boolean' },
    limit: { type: 'string' },
  });
  if (positionals.length) throw usageError(`Unexpected "${positionals[0]}" after \`inbox\``);
  const limit = Number(values.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw usageError(`--limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  const overdue = values.overdue === true;
  const payload = await session.call({
    method: 'GET',
    path: `/v1/updates?status=${overdue ? 'overdue' : 'open'}&limit=${limit}`,
    unsupported: overdue ? '`inbox --overdue`' : '`inbox`',
  });
  const items = (
    Array.isArray(payload) ? payload : ((payload as { items?: unknown })?.items ?? [])
  ) as ListedItem[];
  session.print(describeItems(items, overdue, io), payload);
}
