import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../ports';
import { readFileIfExists, writeFileAtomic } from './atomic-file';

/**
 * A durable JSON-lines file: appends are fsync'd before they resolve, a torn last line (a crash in the
 * middle of a write) is cut off at open, unreadable lines are skipped with a warning, and `rewrite`
 * replaces the whole file atomically (compaction). Callers serialise their own calls.
 */
export interface AppendLog<T> {
  append(records: readonly T[]): Promise<void>;
  rewrite(records: readonly T[]): Promise<void>;
  close(): Promise<void>;
}

export async function openAppendLog<T>(options: {
  file: string;
  /** Returns null for a line that is not a valid record. */
  parse: (value: unknown) => T | null;
  logger: Logger;
}): Promise<{ log: AppendLog<T>; records: T[] }> {
  const { file, logger } = options;
  const name = path.basename(file);
  const records = await read();
  let handle = await fs.open(file, 'a', 0o600);

  async function read(): Promise<T[]> {
    const text = await readFileIfExists(file);
    if (!text) return [];
    const result: T[] = [];
    let goodBytes = 0;
    let offset = 0;
    while (offset < text.length) {
      const newline = text.indexOf('\n', offset);
      if (newline === -1) break; // a line without its newline was never fully written
      const line = text.slice(offset, newline);
      offset = newline + 1;
      const parsed = parseLine(line);
      if (parsed === null) logger.warn(`${name}: line skipped, not a valid record (${line.slice(0, 80)})`);
      else result.push(parsed);
      goodBytes += Buffer.byteLength(line) + 1;
    }
    if (offset < text.length) {
      await fs.truncate(file, goodBytes);
      logger.warn(`${name} ended in a torn line (crash during a write); cut it off at byte ${goodBytes}`);
    }
    return result;
  }

  function parseLine(line: string): T | null {
    try {
      return options.parse(JSON.parse(line));
    } catch {
      return null;
    }
  }

  const serialize = (items: readonly T[]) => items.map((item) => `${JSON.stringify(item)}\n`).join('');

  return {
    records,
    log: {
      async append(items) {
        if (items.length === 0) return;
        await handle.appendFile(serialize(items), 'utf8');
        await handle.sync();
      },
      async rewrite(items) {
        await handle.close();
        try {
          await writeFileAtomic(file, serialize(items));
        } finally {
          // Whether or not the rewrite worked, appends must go on: reopen whichever file is in place.
          handle = await fs.open(file, 'a', 0o600);
        }
      },
      close: () => handle.close(),
    },
  };
}
