import { APP_VERSION } from '../hosts/common/version';
import { BACKUP_HELP, exportCommand, importCommand } from './commands/backup';
import { DIGEST_HELP, digest } from './commands/digest';
import { FOCUS_HELP, focus } from './commands/focus';
import { INBOX_HELP, inbox } from './commands/inbox';
import { PUSH_HELP, push } from './commands/push';
import { STATUS_HELP, status } from './commands/status';
import { CliError, type CliIo, EXIT, type ExitCode } from './io';
import { GLOBAL_HELP } from './session';

export const USAGE = `Usage: lull <command> [options]

Talks to the running Lull app through its local API on 127.0.0.1.

Commands:
  push "Title" [flags]        queue an update (--channel, --from, --url, --urgent, … see push --help)
  push --json FILE|-          queue updates from a JSON file, or from stdin
  focus on [45m|1h30m|90]     focus until turned off, or for a while
  focus until HH:mm           focus until a local time (today, or tomorrow if it has passed)
  focus off | focus status    stop focus; show it
  digest now | digest next    release held updates now; say how many are held and when they show
  inbox [--held] [--overdue]  list the updates the core knows, newest first, with reply-by times
  export [--out FILE]         back up the inbox, history and settings (the window must be open)
  import FILE|-               merge a backup in, keeping done and snoozed items as they were
  status                      is Lull running, which version, where (alias: health)

${GLOBAL_HELP}
  --version         the CLI's version

It finds the app through <data dir>/runtime.json and reads the token from <data dir>/ingest-token,
or from $LULL_TOKEN. Run \`lull <command> --help\` for a command's flags.

Exit codes: 0 ok · 1 usage error · 2 refused by Lull, or not supported by this version · 3 not running`;

interface Command {
  run(argv: string[], io: CliIo): Promise<void>;
  help: string;
}

const COMMANDS: Record<string, Command> = {
  push: { run: push, help: PUSH_HELP },
  focus: { run: focus, help: FOCUS_HELP },
  digest: { run: digest, help: DIGEST_HELP },
  inbox: { run: inbox, help: INBOX_HELP },
  export: { run: exportCommand, help: BACKUP_HELP },
  import: { run: importCommand, help: BACKUP_HELP },
  status: { run: status, help: STATUS_HELP },
  health: { run: status, help: STATUS_HELP },
};

function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** Runs one command line; never throws. Every failure is one line on stderr and a non-zero exit code. */
export async function main(argv: string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  const say = (text: string) => io.stdout.write(`${text}\n`);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
    say(topic?.help ?? USAGE);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    say(APP_VERSION);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  try {
    if (!command) {
      throw new CliError(EXIT.usage, `Unknown command "${name}": run \`lull --help\` for the list`);
    }
    if (wantsHelp(rest)) {
      say(command.help);
      return EXIT.ok;
    }
    await command.run(rest, io);
    return EXIT.ok;
  } catch (error) {
    const { code, message } = describeFailure(error, name);
    io.stderr.write(`${message.replace(/\s+/g, ' ').trim()}\n`);
    return code;
  }
}

function describeFailure(error: unknown, command: string): { code: ExitCode; message: string } {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message };
  const parseCode = (error as { code?: unknown })?.code;
  if (typeof parseCode === 'string' && parseCode.startsWith('ERR_PARSE_ARGS')) {
    // node:util adds advice about positionals that start with "-"; the first sentence is the news.
    const first = (error as Error).message.split('. ')[0]?.replace(/\.$/, '');
    return { code: EXIT.usage, message: `${first} (see \`lull ${command} --help\`)` };
  }
  return { code: EXIT.usage, message: `Unexpected error: ${(error as Error)?.message ?? String(error)}` };
}
