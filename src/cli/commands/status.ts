import { type CliIo, usageError } from '../io';
import { GLOBAL_HELP, parseCommand } from '../session';
import { clock, timeContext } from '../time';

export const STATUS_HELP = `Usage: lull status     (or: lull health)

Says whether Lull is running, which version, and where its API listens. Needs no token.

${GLOBAL_HELP}`;

export async function status(argv: string[], io: CliIo): Promise<void> {
  const { positionals, session } = parseCommand(argv, io);
  if (positionals.length) throw usageError(`Unexpected "${positionals[0]}" after \`status\``);
  const target = await session.target();
  const health = (await session.call({ method: 'GET', path: '/v1/health', auth: false })) as {
    status: string;
    version?: string;
  };
  const runtime = target.runtime;
  const details = runtime
    ? ` (${runtime.host} host, pid ${runtime.pid}, since ${clock(runtime.startedAt, timeContext(io))})`
    : '';
  const version = health.version ? ` ${health.version}` : '';
  session.print(`Lull${version} is running at ${target.apiUrl}${details}`, health);
}
