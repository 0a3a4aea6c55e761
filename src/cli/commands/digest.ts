import { type CliIo, usageError } from '../io';
import { GLOBAL_HELP, parseCommand } from '../session';
import { day, timeContext, toMillis } from '../time';

export const DIGEST_HELP = `Usage: lull digest now     release the updates held during focus, as one digest
       lull digest next    when the next digest is due, and how many updates it holds

Uses POST /v1/digest/release and GET /v1/digest/next; a Lull without them says so (exit 2).

${GLOBAL_HELP}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/** The planned responses, read leniently: `{released}` and `{at, count}`. */
export function describeRelease(payload: Record<string, unknown>): string {
  const released = count(payload.released) ?? (Array.isArray(payload.items) ? payload.items.length : null);
  if (released === null) return 'Digest released';
  return released === 0 ? 'Nothing was held: no digest to release' : `Released ${plural(released, 'update')}`;
}

export function describeNext(payload: Record<string, unknown>, io: CliIo): string {
  const at = toMillis(payload.at);
  const held = count(payload.count);
  const heldText = held === null ? '' : ` · ${plural(held, 'update')} held`;
  return at === null
    ? `No digest scheduled${heldText}`
    : `Next digest ${day(at, timeContext(io))}${heldText}`;
}

export async function digest(argv: string[], io: CliIo): Promise<void> {
  const { positionals, session } = parseCommand(argv, io);
  const [verb, extra] = positionals;
  if (extra !== undefined) throw usageError(`Unexpected "${extra}" after \`digest ${verb}\``);
  if (verb === 'now') {
    const payload = (await session.call({
      method: 'POST',
      path: '/v1/digest/release',
      body: {},
      unsupported: '`digest now`',
    })) as Record<string, unknown>;
    session.print(describeRelease(payload ?? {}), payload);
  } else if (verb === 'next') {
    const payload = (await session.call({
      method: 'GET',
      path: '/v1/digest/next',
      unsupported: '`digest next`',
    })) as Record<string, unknown>;
    session.print(describeNext(payload ?? {}, io), payload);
  } else {
    throw usageError(
      verb === undefined ? 'digest needs now or next' : `Unknown digest command "${verb}": use now or next`,
    );
  }
}
