import { parseArgs } from 'node:util';
import { type ApiCall, type GlobalOptions, locate, request, type Target } from './client';
import type { CliIo } from './io';

/** Options every command takes; `--json` switches the output to the server's JSON. */
export const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  'data-dir': { type: 'string' },
  'api-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const GLOBAL_HELP = `Options for every command:
  --json            print the server's JSON instead of text
  --data-dir DIR    Lull's data folder (default: $LULL_DATA_DIR, or the app's own folder)
  --api-url URL     talk to this address instead of the one in runtime.json (or $LULL_URL)
  -h, --help        this help`;

type OptionSpec = { type: 'string' | 'boolean'; short?: string };
export type Values = Record<string, string | boolean | undefined>;

/** A command's view of the world: its parsed flags, and one way to call the API and to print. */
export interface Session {
  readonly io: CliIo;
  readonly json: boolean;
  target(): Promise<Target>;
  call(call: ApiCall): Promise<unknown>;
  /** Human text by default, the payload as JSON with --json. */
  print(human: string, payload: unknown): void;
}

export function parseCommand(
  argv: string[],
  io: CliIo,
  options: Record<string, OptionSpec> = {},
): { values: Values; positionals: string[]; session: Session } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...GLOBAL_OPTIONS, ...options },
    allowPositionals: true,
    strict: true,
  });
  const flags = values as Values;
  const global: GlobalOptions = {
    dataDir: flags['data-dir'] as string | undefined,
    apiUrl: flags['api-url'] as string | undefined,
    json: flags.json === true,
  };
  return { values: flags, positionals, session: createSession(global, io) };
}

export function createSession(options: GlobalOptions, io: CliIo): Session {
  let located: Promise<Target> | null = null;
  const target = () => {
    located ??= locate(options, io);
    return located;
  };
  return {
    io,
    json: options.json,
    target,
    async call(call) {
      return request(await target(), io, call);
    },
    print(human, payload) {
      io.stdout.write(`${options.json ? JSON.stringify(payload, null, 2) : human}\n`);
    },
  };
}
