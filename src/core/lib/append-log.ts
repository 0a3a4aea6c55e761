import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../ports';
import { readBytesIfExists, writeFileAtomic } from './atomic-file';
import { isErrno, toStorageError } from './storage-error';

/**
 * A durable JSON-lines file: appends are fsync'd before they resolve, a torn tail (a crash in the
 * middle of a write) is cut off at open, unreadable lines are skipped with a warning, and `rewrite`
 * replaces the whole file atomically (compaction). Callers serialise their own calls.
 *
 * The file stays line-aligned: a failed append (a full disk) is cut back to the last whole line, and
 * when even that fails the next append starts on a fresh line, so it is never joined onto a torn one.
 * Offsets are counted in bytes of the file, never in decoded text.
 */
export interface AppendLog<T> {
  /** Resolves once the records are durable; throws a StorageError (the file named) when they are not. */
  append(records: readonly T[]): Promise<void>;
  rewrite(records: readonly T[]): Promise<void>;
  close(): Promise<void>;
}

/** How bytes reach the file; tests replace parts of it to fail a write part-way, as a full disk does. */
export interface AppendLogIo {
  /** Writes some of `data` at the end of the file and answers how many bytes it wrote. */
  write(handle: FileHandle, data: Buffer): Promise<number>;
  truncate(handle: FileHandle, length: number): Promise<void>;
  sync(handle: FileHandle): Promise<void>;
}

const systemIo: AppendLogIo = {
  write: async (handle, data) => (await handle.write(data)).bytesWritten,
  truncate: (handle, length) => handle.truncate(length),
  sync: (handle) => handle.sync(),
};

const NEWLINE = 0x0a;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function openAppendLog<T>(options: {
  file: string;
  /** Returns null for a line that is not a valid record. */
  parse: (value: unknown) => T | null;
  logger: Logger;
  io?: Partial<AppendLogIo>;
}): Promise<{ log: AppendLog<T>; records: T[] }> {
  const { file, logger } = options;
  const io: AppendLogIo = { ...systemIo, ...options.io };
  const name = path.basename(file);
  const { records, goodBytes, fileBytes } = read(await readBytesIfExists(file));
  let handle = await open();
  /** Where the last whole line ends, in bytes; null when unknown (a tear could not be cut off). */
  let end: number | null = goodBytes;
  /** The file may hold a partial line after `end`. */
  let torn = false;
  if (fileBytes > goodBytes) {
    torn = true;
    const cut = await repair();
    logger.warn(
      cut
        ? `${name} ended in a torn write (a crash or a full disk); cut ${fileBytes - goodBytes} bytes off at byte ${goodBytes}`
        : `${name} ended in a torn write at byte ${goodBytes} that could not be cut off; the next record starts on a fresh line`,
    );
  }

  async function open(): Promise<FileHandle> {
    try {
      return await fs.open(file, 'a', 0o600);
    } catch (error) {
      throw toStorageError(error, file, 'write');
    }
  }

  /**
   * Whole lines only. `goodBytes` ends after the last line that is JSON: a tail of lines that are not
   * (invalid UTF-8, NUL runs, random bytes) or of bytes without a newline is debris of a torn write.
   */
  function read(bytes: Buffer | null): { records: T[]; goodBytes: number; fileBytes: number } {
    const result: T[] = [];
    if (!bytes) return { records: result, goodBytes: 0, fileBytes: 0 };
    let goodBytes = 0;
    let offset = 0;
    let debris: { at: number; line: Buffer }[] = [];
    while (offset < bytes.length) {
      const newline = bytes.indexOf(NEWLINE, offset);
      if (newline === -1) break; // a line without its newline was never fully written
      const line = bytes.subarray(offset, newline);
      const at = offset;
      offset = newline + 1;
      const value = parseJson(line);
      if (value === undefined) {
        debris.push({ at, line });
        continue;
      }
      // Debris followed by a good line was not a torn tail: skip it, and say so.
      for (const skipped of debris) warnSkipped(skipped.at, skipped.line);
      debris = [];
      const record = options.parse(value);
      if (record === null) warnSkipped(at, line);
      else result.push(record);
      goodBytes = offset;
    }
    return { records: result, goodBytes, fileBytes: bytes.length };
  }

  /** The line's JSON value, or undefined when it is not UTF-8 or not JSON. */
  function parseJson(line: Buffer): unknown {
    try {
      return JSON.parse(utf8.decode(line));
    } catch {
      return undefined;
    }
  }

  function warnSkipped(at: number, line: Buffer) {
    const preview = JSON.stringify(line.subarray(0, 80).toString('utf8'));
    logger.warn(`${name}: line skipped, not a valid record (at byte ${at}: ${preview})`);
  }

  /** Cuts the file back to its last whole line; true when the file is line-aligned again. */
  async function repair(): Promise<boolean> {
    if (end === null) return false;
    try {
      await io.truncate(handle, end);
      await io.sync(handle);
      torn = false;
      return true;
    } catch {
      return false;
    }
  }

  async function size(): Promise<number | null> {
    try {
      return (await handle.stat()).size;
    } catch {
      return null;
    }
  }

  const serialize = (items: readonly T[]) => items.map((item) => `${JSON.stringify(item)}\n`).join('');

  async function append(items: readonly T[]): Promise<void> {
    if (items.length === 0) return;
    if (torn) await repair();
    // A tear that would not go away: start on a fresh line, so the loader skips the torn one.
    const data = Buffer.from(torn ? `\n${serialize(items)}` : serialize(items), 'utf8');
    let written = 0;
    try {
      while (written < data.length) {
        const wrote = await io.write(handle, data.subarray(written));
        if (wrote <= 0) throw Object.assign(new Error('the write made no progress'), { code: 'EIO' });
        written += wrote;
      }
      await io.sync(handle);
    } catch (error) {
      torn = true;
      const cut = await repair();
      const what = isErrno(error) ? `${error.code}: ${error.message}` : String(error);
      logger.error(
        `${file}: could not append ${items.length} record(s) (${what}); ${
          cut
            ? `cut the file back to byte ${end}, its last whole line`
            : 'could not cut it back; the next record starts on a fresh line and the torn one is skipped at start'
        }`,
      );
      throw toStorageError(error, file, 'write');
    }
    if (torn || end === null) {
      // Past a tear whose length nobody knows: learn where the file now ends.
      end = await size();
      torn = false;
    } else {
      end += data.length;
    }
  }

  return {
    records,
    log: {
      append,
      async rewrite(items) {
        const data = serialize(items);
        const before = (await handle.stat().catch(() => null))?.ino;
        await handle.close();
        let failure: unknown = null;
        try {
          await writeFileAtomic(file, data);
        } catch (error) {
          failure = error;
        }
        // Whether or not the rewrite worked, appends must go on: reopen whichever file is in place.
        handle = await open();
        const after = (await handle.stat().catch(() => null))?.ino;
        if (failure === null || (after !== undefined && after !== before)) {
          end = Buffer.byteLength(data);
          torn = false;
        } else if (after === undefined) {
          end = null;
          torn = true;
        }
        if (failure !== null) throw failure;
      },
      close: () => handle.close(),
    },
  };
}
