import { promises as fs } from 'node:fs';
import path from 'node:path';
/** What the CLI touches outside itself, passed in so tests can run `main` in-process. */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Read only for `push --json -`. */
  stdin: AsyncIterable<string | Buffer>;
  /** Relative paths (`--json FILE`, `--data-dir`) are resolved against it. */
  cwd: string;
  now(): number;
  /** IANA zone for `focus until HH:mm` and printed times; the machine's by default. */
  zone?: string;
  /** Locale for day names; English by default, to match the rest of the output. */
  locale?: string;
}

export const EXIT = {
  ok: 0,
  /** The command line itself is wrong: unknown command or flag, bad value, unreadable file. */
  usage: 1,
  /** Lull answered, but refused: bad token, invalid input, or an endpoint this version lacks. */
  refused: 2,
  /** Nothing answers: no runtime.json, connection refused, timeout. */
  notRunning: 3,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Every failure ends as one line on stderr and one exit code. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string) => new CliError(EXIT.usage, message);

export function processIo(): CliIo {
  return {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    now: Date.now,
  };
}

export function systemZone(io: CliIo): string {
  return io.zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** JSON from a file (relative to the working directory) or from stdin (`-`); unreadable is a usage error. */
export async function readJsonInput(input: string, io: CliIo): Promise<unknown> {
  let text = '';
  const name = input === '-' ? 'stdin' : input;
  try {
    if (input === '-') for await (const chunk of io.stdin) text += String(chunk);
    else text = await fs.readFile(path.resolve(io.cwd, input), 'utf8');
  } catch (error) {
    throw usageError(`Cannot read ${name}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw usageError(`${name} is not valid JSON: ${(error as Error).message}`);
  }
}
