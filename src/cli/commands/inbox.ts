import { formatDue } from '../../shared/due-format';
import { type CliIo, usageError } from '../io';
import { GLOBAL_HELP, parseCommand } from '../session';
import { timeContext, toMillis } from '../time';

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 20;

export const INBOX_HELP = `Usage: lull inbox [--held] [--overdue] [--limit N]

Lists what Lull's core knows: the updates it took in over the last 30 days, newest first, each with
its reply-by time. --held only those waiting for the next summary; --overdue only those past their
reply-by time, most overdue first. --limit caps the list (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).

Done and snoozed live in the app window, not in the core: an update you have handled there is still
listed here. Uses GET /v1/updates?status=all|held&limit=N.

${GLOBAL_HELP}`;

export interface ListedItem {
  id?: string;
  title?: string;
  channel?: string;
  deadline?: string | number;
  sender?: { name?: string };
  held?: boolean;
}

export interface InboxView {
  held: boolean;
  overdue: boolean;
}

function emptyText(view: InboxView): string {
  if (view.overdue) return view.held ? 'Nothing held is overdue' : 'Nothing is overdue';
  return view.held ? 'Nothing is held' : 'Lull has no updates';
}

/** One line per update: "overdue by 2 h · 12:00 · Build failed — CI (chat) · ci/1842 · held". */
export function describeItems(items: ListedItem[], view: InboxView, io: CliIo, total = items.length): string {
  if (items.length === 0) return emptyText(view);
  const ctx = timeContext(io);
  const lines = items.map((item) => {
    const deadline = toMillis(item.deadline);
    const due = deadline === null ? '' : `${formatDue(deadline, ctx).text} · `;
    const from = item.sender?.name ? ` — ${item.sender.name}` : '';
    const channel = item.channel ? ` (${item.channel})` : '';
    const held = item.held && !view.held ? ' · held' : '';
    return `${due}${item.title ?? '(no title)'}${from}${channel}${item.id ? ` · ${item.id}` : ''}${held}`;
  });
  if (total > items.length) lines.push(`… ${total - items.length} more (--limit N shows up to ${MAX_LIMIT})`);
  return lines.join('\n');
}

/** Past their reply-by time at `now`, most overdue first. */
export function overdueItems(items: ListedItem[], now: number): ListedItem[] {
  const withDeadline = items.flatMap((item) => {
    const deadline = toMillis(item.deadline);
    return deadline !== null && deadline < now ? [{ item, deadline }] : [];
  });
  return withDeadline.sort((a, b) => a.deadline - b.deadline).map(({ item }) => item);
}

export async function inbox(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals, session } = parseCommand(argv, io, {
    held: { type: 'boolean' },
    overdue: { type: 'boolean' },
    limit: { type: 'string' },
  });
  if (positionals.length) throw usageError(`Unexpected "${positionals[0]}" after \`inbox\``);
  const limit = Number(values.limit ?? DEFAULT_LIMIT);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw usageError(`--limit must be a whole number from 1 to ${MAX_LIMIT}`);
  }
  const view: InboxView = { held: values.held === true, overdue: values.overdue === true };
  // Overdue is the CLI's own filter over everything the core lists, so it asks for all it may.
  const payload = (await session.call({
    method: 'GET',
    path: `/v1/updates?status=${view.held ? 'held' : 'all'}&limit=${view.overdue ? MAX_LIMIT : limit}`,
    unsupported: '`inbox`',
  })) as { total?: number; items?: ListedItem[] };
  const listed = payload?.items ?? [];
  const matching = view.overdue ? overdueItems(listed, io.now()) : listed;
  const shown = matching.slice(0, limit);
  const total = view.overdue ? matching.length : (payload?.total ?? listed.length);
  session.print(describeItems(shown, view, io, total), view.overdue ? { total, items: shown } : payload);
}
