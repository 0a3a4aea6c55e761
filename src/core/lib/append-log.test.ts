/**
 * The append-only file under the journal, the held queue and the item store: byte-exact repair of a
 * torn tail at open, and a file that stays line-aligned when an append fails (a full disk), so the
 * next acknowledged record survives a reopen.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { LullError } from '../../shared/contract';
import type { Logger } from '../ports';
import { type AppendLogIo, openAppendLog } from './append-log';
import { StorageError } from './storage-error';

type Row = { n: number; text: string };

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = {
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    error: (m) => lines.push(m),
  };
  return { logger, lines };
}

const parse = (value: unknown): Row | null =>
  typeof value === 'object' && value !== null && typeof (value as Row).n === 'number' ? (value as Row) : null;

async function open(file: string, io?: Partial<AppendLogIo>, logger = recordingLogger().logger) {
  return openAppendLog<Row>({ file, parse, logger, io });
}

/** Rows with multi-byte text, so a count of characters and a count of bytes differ. */
const rows = (from: number, count: number): Row[] =>
  Array.from({ length: count }, (_, i) => ({ n: from + i, text: `Grüße ☕ 🎉 ${from + i}` }));
const bytesOf = (items: Row[]) => Buffer.from(items.map((r) => `${JSON.stringify(r)}\n`).join(''));

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** Fails write number `at` (0 is the first) after `keep` of its bytes, as a disk that just filled up. */
function failingWrite(code: string, keep: number, at = 1): Partial<AppendLogIo> {
  let calls = 0;
  return {
    async write(handle, data) {
      if (calls++ !== at) return (await handle.write(data)).bytesWritten;
      if (keep > 0) await handle.write(data.subarray(0, Math.min(keep, data.length)));
      throw errno(code);
    },
  };
}

/** Torn tails as a crash or a failing disk leaves them. */
const invalidUtf8 = fc.constantFrom(
  Buffer.from([0xff]),
  Buffer.from([0xc3]), // a lead byte without its continuation
  Buffer.from([0xe2, 0x98]), // two of the three bytes of ☕
  Buffer.from([0xf0, 0x9f, 0x8e]), // three of the four bytes of 🎉
  Buffer.from([0xed, 0xa0, 0x80]), // an encoded surrogate
  Buffer.from([0xc0, 0xaf]), // an overlong slash
);
const nulRun = fc.integer({ min: 1, max: 4096 }).map((n) => Buffer.alloc(n));
const randomBinary = fc.uint8Array({ minLength: 1, maxLength: 600 }).map((bytes) => Buffer.from(bytes));
const tornRecord = Buffer.from(JSON.stringify({ n: 999, text: 'Grüße ☕ torn' }));
/** A record cut anywhere (never whole), then whatever followed it on the disk. */
const tornTail = fc
  .tuple(
    fc.integer({ min: 1, max: tornRecord.length - 1 }),
    fc.array(fc.oneof(invalidUtf8, nulRun, randomBinary), { minLength: 1, maxLength: 4 }),
  )
  .map(([cut, parts]) => {
    const garbage = Buffer.concat([tornRecord.subarray(0, cut), ...parts]);
    // Debris may hold newlines. Should a line of it happen to be JSON, it would be a record (or a
    // line to keep), not debris: an invalid byte after each newline, and after the cut, rules that out.
    if (garbage.includes(0x0a)) garbage[cut] = 0xff;
    for (let i = 0; i < garbage.length - 1; i++) if (garbage[i] === 0x0a) garbage[i + 1] = 0xff;
    return garbage;
  });

describe('append log: torn tail at open', () => {
  it('cuts invalid UTF-8, NUL runs and random binary at the exact byte the last whole line ends', async () => {
    const dir = await tempDir();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 5 }), tornTail, async (count, tail) => {
        const file = path.join(dir, `log-${randomBytes(4).toString('hex')}.jsonl`);
        const good = bytesOf(rows(1, count));
        await fs.writeFile(file, Buffer.concat([good, tail]));

        const { logger, lines } = recordingLogger();
        const first = await open(file, undefined, logger);
        expect(first.records).toEqual(rows(1, count));
        // Exactly the good prefix is left: not a byte of the tail, not a byte padded past the end.
        expect(await fs.readFile(file)).toEqual(good);
        expect(lines.some((l) => l.includes(`at byte ${good.length}`))).toBe(true);
        await first.log.append(rows(100, 1));
        await first.log.close();

        // As after a kill: the next acknowledged record is read back whole.
        const second = await open(file);
        expect(second.records).toEqual([...rows(1, count), ...rows(100, 1)]);
        expect(await fs.readFile(file)).toEqual(Buffer.concat([good, bytesOf(rows(100, 1))]));
        await second.log.close();
      }),
      { numRuns: 150 },
    );
  });

  it('counts bytes, not characters: an invalid line before the tail does not move the cut', async () => {
    const file = path.join(await tempDir(), 'log.jsonl');
    // Decoded, each invalid byte becomes a 3-byte replacement character: an offset counted in text
    // lands past the tear, keeping part of it or padding the file with NUL bytes.
    const kept = Buffer.concat([bytesOf(rows(1, 1)), Buffer.from([0xff, 0xfe, 0x0a]), bytesOf(rows(2, 1))]);
    await fs.writeFile(file, Buffer.concat([kept, Buffer.from('{"n":3,"te')]));
    const opened = await open(file);
    expect(opened.records).toEqual(rows(1, 2));
    expect(await fs.readFile(file)).toEqual(kept);
    await opened.log.append(rows(3, 1));
    await opened.log.close();
    expect((await open(file)).records).toEqual(rows(1, 3));
  });

  it('skips garbage between good lines with a warning, keeping both sides', async () => {
    const file = path.join(await tempDir(), 'log.jsonl');
    const garbage = Buffer.from([0x00, 0x00, 0xff, 0x0a, 0xc3, 0x28, 0x0a]);
    await fs.writeFile(file, Buffer.concat([bytesOf(rows(1, 1)), garbage, bytesOf(rows(2, 1))]));
    const { logger, lines } = recordingLogger();
    const opened = await open(file, undefined, logger);
    expect(opened.records).toEqual(rows(1, 2));
    expect(lines.filter((l) => l.includes('line skipped'))).toHaveLength(2);
    await opened.log.close();
  });

  it('keeps a JSON line that is not a record (a newer version may write it)', async () => {
    const file = path.join(await tempDir(), 'log.jsonl');
    const content = Buffer.concat([bytesOf(rows(1, 1)), Buffer.from('{"future":true}\n')]);
    await fs.writeFile(file, content);
    const opened = await open(file);
    expect(opened.records).toEqual(rows(1, 1));
    expect(await fs.readFile(file)).toEqual(content);
    await opened.log.close();
  });
});

describe('append log: a failed append', () => {
  it.each([
    ['ENOSPC', 'storage-full'],
    ['EDQUOT', 'storage-full'],
    ['EIO', 'storage-failed'],
  ])(
    '%s part-way: a StorageError naming the file, the file cut back, the next append kept',
    async (code, kind) => {
      const file = path.join(await tempDir(), 'log.jsonl');
      const { logger, lines } = recordingLogger();
      const { log } = await open(file, failingWrite(code, 70), logger);
      await log.append(rows(1, 3));
      const before = await fs.readFile(file);

      const failure = await log.append(rows(4, 5)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(StorageError);
      expect(failure).toBeInstanceOf(LullError);
      expect((failure as StorageError).code).toBe(kind);
      expect((failure as StorageError).message).toContain(file);
      expect(await fs.readFile(file)).toEqual(before);
      expect(
        lines.some((l) => l.includes(file) && l.includes(code) && l.includes(`byte ${before.length}`)),
      ).toBe(true);

      await log.append(rows(9, 2));
      await log.close();
      const reopened = await open(file);
      expect(reopened.records).toEqual([...rows(1, 3), ...rows(9, 2)]);
      await reopened.log.close();
    },
  );

  it('when the file cannot be cut back either, starts the next record on a fresh line; the torn one is skipped', async () => {
    const file = path.join(await tempDir(), 'log.jsonl');
    const { log } = await open(file, {
      // Less than a line: a whole line of the refused batch would stay, and be read back (the
      // journal spends the seqs of a failed write for that reason).
      ...failingWrite('ENOSPC', 20),
      truncate: async () => {
        throw errno('EIO');
      },
    });
    await log.append(rows(1, 2));
    await expect(log.append(rows(3, 4))).rejects.toMatchObject({ code: 'storage-full' });
    await log.append(rows(7, 1));
    await log.append(rows(8, 1));
    await log.close();

    const text = await fs.readFile(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const { logger, lines } = recordingLogger();
    const reopened = await open(file, undefined, logger);
    expect(reopened.records).toEqual([...rows(1, 2), ...rows(7, 2)]);
    expect(lines.filter((l) => l.includes('line skipped'))).toHaveLength(1);
    await reopened.log.close();
  });

  it('a failed fsync counts as a failed append: the records are cut back off', async () => {
    const file = path.join(await tempDir(), 'log.jsonl');
    let fail = false;
    const { log } = await open(file, {
      sync: async (handle) => {
        if (fail) {
          fail = false;
          throw errno('EIO');
        }
        await handle.sync();
      },
    });
    await log.append(rows(1, 1));
    fail = true;
    await expect(log.append(rows(2, 1))).rejects.toMatchObject({ code: 'storage-failed' });
    await log.append(rows(3, 1));
    await log.close();
    expect((await open(file)).records).toEqual([...rows(1, 1), ...rows(3, 1)]);
  });

  it('a write that wrote nothing and said so is an error, not a loop', async () => {
    const file = path.join(await tempDir(), 'log.jsonl');
    const { log } = await open(file, { write: async () => 0 });
    await expect(log.append(rows(1, 1))).rejects.toMatchObject({ code: 'storage-failed' });
    await log.close();
  });
});
