import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { toStorageError } from './storage-error';

/**
 * Replaces a file so that a crash leaves either the old or the new content, never a torn mix:
 * write a sibling temp file, fsync it, rename over the target, fsync the directory. A failure (a full
 * disk) removes the temp file and throws a StorageError naming the target.
 */
export async function writeFileAtomic(target: string, data: string, mode = 0o600): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temp, 'w', mode);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    // A half-written temp file on a full disk would only keep it full.
    await fs.rm(temp, { force: true }).catch(() => {});
    throw toStorageError(error, target, 'write');
  }
  try {
    await syncDirectory(dir);
  } catch (error) {
    throw toStorageError(error, target, 'write');
  }
}

export async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The file's bytes, or null when there is none; a directory in its place is a StorageError saying so. */
export async function readBytesIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw toStorageError(error, file, 'read');
  }
}

export async function readFileIfExists(file: string): Promise<string | null> {
  return (await readBytesIfExists(file))?.toString('utf8') ?? null;
}

export type JsonFile<T> = { status: 'missing' } | { status: 'invalid' } | { status: 'ok'; data: T };

/**
 * A small state file read back: its data checked with `schema`, `missing` when there is none, or
 * `invalid` when it is not JSON or does not match (the caller says what that costs, and starts over).
 */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<JsonFile<T>> {
  const text = await readFileIfExists(file);
  if (text === null) return { status: 'missing' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { status: 'invalid' };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? { status: 'ok', data: parsed.data } : { status: 'invalid' };
}
