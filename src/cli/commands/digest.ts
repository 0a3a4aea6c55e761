import { type CliIo, usageError } from '../io';
import { GLOBAL_HELP, parseCommand } from '../session';
import { clock, timeContext, toMillis } from '../time';

export const DIGEST_HELP = `Usage: lull digest now     release every held update now, as one summary
       lull digest next    how many updates are held, and when the next summary shows them

Uses POST /v1/digest/release and GET /v1/digest/next.

${GLOBAL_HELP}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const count = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : 0);

/** POST /v1/digest/release: `{ released, digest: { headline, … } | null }`. */
export function describeRelease(payload: {
  released?: unknown;
  digest?: { headline?: unknown } | null;
}): string {
  const released = count(payload.released);
  if (released === 0 || !payload.digest) return 'Nothing was held';
  const headline = typeof payload.digest.headline === 'string' ? `: ${payload.digest.headline}` : '';
  return `Released ${plural(released, 'update')}${headline}`;
}

/** GET /v1/digest/next: `{ heldCount, nextReleaseAt, items }` → "4 held · next summary 13:00". */
export function describeNext(payload: { heldCount?: unknown; nextReleaseAt?: unknown }, io: CliIo): string {
  const held = count(payload.heldCount);
  if (held === 0) return 'Nothing is held';
  const at = toMillis(payload.nextReleaseAt);
  return `${held} held · ${at === null ? 'no summary scheduled' : `next summary ${clock(at, timeContext(io))}`}`;
}

export async function digest(argv: string[], io: CliIo): Promise<void> {
  const { positionals, session } = parseCommand(argv, io);
  const [verb, extra] = positionals;
  if (extra !== undefined) throw usageError(`Unexpected "${extra}" after \`digest ${verb}\``);
  if (verb === 'now') {
    // No body: the endpoint takes no parameters, and needs no Content-Type without one.
    const payload = (await session.call({
      method: 'POST',
      path: '/v1/digest/release',
      unsupported: '`digest now`',
    })) as Parameters<typeof describeRelease>[0];
    session.print(describeRelease(payload ?? {}), payload);
  } else if (verb === 'next') {
    const payload = (await session.call({
      method: 'GET',
      path: '/v1/digest/next',
      unsupported: '`digest next`',
    })) as Parameters<typeof describeNext>[0];
    session.print(describeNext(payload ?? {}, io), payload);
  } else {
    throw usageError(
      verb === undefined ? 'digest needs now or next' : `Unknown digest command "${verb}": use now or next`,
    );
  }
}
