import { randomUUID } from 'node:crypto';
import { CHANNELS, MINUTE_MS } from '../../shared/channels';
import { type CliIo, readJsonInput, usageError } from '../io';
import { GLOBAL_HELP, parseCommand, type Values } from '../session';
import { day, timeContext, toMillis, untilLocalTime } from '../time';

export const PUSH_HELP = `Usage: lull push "Title" [flags]
       lull push --json FILE|-

Queues an update in Lull's inbox; Lull gives it a reply-by time from your charter.
  --channel C       ${CHANNELS.join(' ')} (default other)
  --from NAME       the sender's name            --handle H   the sender's handle (needs --from)
  --url URL         link to open (http or https) --snippet T  a short excerpt
  --urgent | --low  priority (default normal)    --thread ID  groups updates of one conversation
  --deadline WHEN   reply by: ISO 8601 with a zone, epoch ms, or HH:mm (next occurrence, local time)
  --source S        who sends it (default cli)   --id ID      its id at the source (default a random uuid);
                    the same --source and --id again update the item instead of adding one
  --json FILE|-     send one update, an array, or {"updates":[…]} from FILE or stdin (-); missing
                    "source" and "externalId" get the defaults above. A bare --json prints JSON.

${GLOBAL_HELP}`;

const ITEM_OPTIONS = {
  channel: { type: 'string' },
  from: { type: 'string' },
  handle: { type: 'string' },
  url: { type: 'string' },
  snippet: { type: 'string' },
  urgent: { type: 'boolean' },
  low: { type: 'boolean' },
  source: { type: 'string' },
  id: { type: 'string' },
  thread: { type: 'string' },
  deadline: { type: 'string' },
} as const;

/**
 * `--json` is both the input (`--json FILE`, `--json -`) and, bare, the output switch every command has.
 * A following word that is not a flag makes it the input.
 */
export function splitJsonInput(argv: string[]): { input: string | null; rest: string[] } {
  const rest: string[] = [];
  let input: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith('--json=')) input = arg.slice('--json='.length);
    else if (arg === '--json' && next !== undefined && (next === '-' || !next.startsWith('-'))) {
      input = next;
      i++;
    } else rest.push(arg);
  }
  return { input, rest };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One update, an array of them, or `{updates:[…]}`; each gets the default source and a fresh id. */
export function withDefaults(body: unknown): unknown {
  const fill = (update: unknown) =>
    isObject(update) ? { source: 'cli', externalId: randomUUID(), ...update } : update;
  if (Array.isArray(body)) return { updates: body.map(fill) };
  if (isObject(body) && Array.isArray(body.updates)) return { ...body, updates: body.updates.map(fill) };
  return fill(body);
}

function deadlineValue(text: string, io: CliIo): string | number {
  if (/^\d{1,2}:\d\d$/.test(text)) return untilLocalTime(text, io);
  if (/^\d+$/.test(text)) return Number(text);
  return text;
}

function updateFromFlags(title: string, values: Values, io: CliIo): Record<string, unknown> {
  const text = (name: string) => values[name] as string | undefined;
  if (values.urgent && values.low) throw usageError('Choose --urgent or --low, not both');
  if (text('handle') && !text('from')) throw usageError("--handle needs --from (the sender's name)");
  const deadline = text('deadline');
  const entries: [string, unknown][] = [
    ['source', text('source') ?? 'cli'],
    ['externalId', text('id') ?? randomUUID()],
    ['title', title],
    ['channel', text('channel')],
    [
      'sender',
      text('from')
        ? { name: text('from'), ...(text('handle') ? { handle: text('handle') } : {}) }
        : undefined,
    ],
    ['url', text('url')],
    ['snippet', text('snippet')],
    ['priority', values.urgent ? 'urgent' : values.low ? 'low' : undefined],
    ['threadId', text('thread')],
    ['deadline', deadline === undefined ? undefined : deadlineValue(deadline, io)],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

interface Accepted {
  accepted: number;
  items: { id: string; deadline: string | null; created: boolean }[];
}

export async function push(argv: string[], io: CliIo): Promise<void> {
  const { input, rest } = splitJsonInput(argv);
  const { values, positionals, session } = parseCommand(rest, io, ITEM_OPTIONS);
  let body: unknown;
  if (input !== null) {
    const flags = Object.keys(ITEM_OPTIONS).filter((name) => values[name] !== undefined);
    if (positionals.length || flags.length) {
      throw usageError('--json FILE brings its own updates: drop the title and the update flags');
    }
    body = withDefaults(await readJsonInput(input, io));
  } else {
    const title = positionals.join(' ').trim();
    if (!title) throw usageError('push needs a title, or --json FILE|- (see `lull push --help`)');
    body = updateFromFlags(title, values, io);
  }
  const result = (await session.call({ method: 'POST', path: '/v1/updates', body })) as Accepted;
  const ctx = timeContext(io);
  const lines = (result.items ?? []).map((item) => {
    const deadline = toMillis(item.deadline);
    const due =
      deadline === null
        ? ''
        : Math.abs(deadline - ctx.now) < MINUTE_MS
          ? ' · due now'
          : ` · due ${day(deadline, ctx)}`;
    return `${item.created ? 'Queued' : 'Updated'} ${item.id}${due}`;
  });
  session.print(lines.join('\n') || `Queued ${result.accepted} updates`, result);
}
