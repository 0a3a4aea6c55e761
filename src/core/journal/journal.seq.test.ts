/**
 * Sequence numbers read back from disk: a seq out of range (near 2^53, where adding one stops making
 * a new number) or out of order is skipped at load, so it can never become the base of later writes
 * that the next load would skip in turn.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import { type InboxItem, MAX_SEQ } from '../../shared/schemas';
import type { Logger } from '../ports';
import { JOURNAL_ACK_FILE, JOURNAL_FILE, openJournal } from './journal';

function recordingLogger() {
  const warnings: string[] = [];
  const logger: Logger = { info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };
  return { logger, warnings };
}

function item(n: number): InboxItem {
  return {
    id: `test/${n}`,
    source: 'test',
    externalId: String(n),
    channel: 'chat',
    title: `Update ${n}`,
    receivedAt: 1_000 + n,
    deadline: 2_000 + n,
    deadlineExplicit: false,
    priority: 'normal',
    ingestedAt: 1_000 + n,
  };
}

const line = (seq: unknown, n: number) => `${JSON.stringify({ seq, kind: 'item', item: item(n) })}\n`;
const seqsOf = (entries: readonly { seq: number }[]) => entries.map((e) => e.seq);

/** A journal file of these seqs (item n for the nth line), opened; then one more append and a reopen. */
async function roundTrip(seqs: unknown[]) {
  const dataDir = await tempDir();
  await fs.writeFile(path.join(dataDir, JOURNAL_FILE), seqs.map((seq, n) => line(seq, n)).join(''));
  const { logger, warnings } = recordingLogger();
  const journal = await openJournal({ dataDir, logger });
  const loaded = seqsOf(journal.entries());
  const [appended] = await journal.append([{ kind: 'item', item: item(1000) }]);
  await journal.close();
  const reopened = await openJournal({ dataDir, logger: recordingLogger().logger });
  const after = reopened.entries();
  await reopened.close();
  return { loaded, appended: appended!, after, warnings };
}

describe('journal seqs at load', () => {
  it.each([
    ['2^53 - 1', Number.MAX_SAFE_INTEGER],
    ['2^53', 2 ** 53],
    ['2^53 + 2', 2 ** 53 + 2],
    ['1e300', 1e300],
    ['MAX_SEQ + 1', MAX_SEQ + 1],
    ['0', 0],
    ['-5', -5],
    ['1.5', 1.5],
    ['a string', '4'],
    ['null', null],
  ])('skips a record with seq %s, and the next append survives a reopen', async (_name, bad) => {
    const { loaded, appended, after, warnings } = await roundTrip([1, 2, bad]);
    expect(loaded).toEqual([1, 2]);
    expect(warnings.some((w) => w.includes('line skipped'))).toBe(true);
    expect(appended.seq).toBe(3);
    expect(seqsOf(after)).toEqual([1, 2, 3]);
    expect(after.at(-1)).toEqual(appended);
  });

  it('skips a seq near 2^53 in the middle too: later records and later writes keep counting from the good ones', async () => {
    const { loaded, appended, after } = await roundTrip([1, Number.MAX_SAFE_INTEGER, 2, 3]);
    expect(loaded).toEqual([1, 2, 3]);
    expect(appended.seq).toBe(4);
    expect(seqsOf(after)).toEqual([1, 2, 3, 4]);
  });

  it('keeps seqs strictly increasing, judged against the last one kept', async () => {
    const { loaded, appended, after, warnings } = await roundTrip([1, 2, 5, 3, 4, 5, 6]);
    expect(loaded).toEqual([1, 2, 5, 6]);
    expect(warnings.filter((w) => w.includes('does not follow'))).toHaveLength(3);
    expect(appended.seq).toBe(7);
    expect(seqsOf(after)).toEqual([1, 2, 5, 6, 7]);
  });

  it('takes MAX_SEQ itself, and refuses to write past it rather than write what the loader would skip', async () => {
    const dataDir = await tempDir();
    await fs.writeFile(path.join(dataDir, JOURNAL_FILE), line(MAX_SEQ, 1));
    const journal = await openJournal({ dataDir, logger: recordingLogger().logger });
    expect(journal.lastSeq()).toBe(MAX_SEQ);
    await expect(journal.append([{ kind: 'item', item: item(2) }])).rejects.toMatchObject({
      code: 'journal-full',
    });
    await journal.close();
    const text = await fs.readFile(path.join(dataDir, JOURNAL_FILE), 'utf8');
    expect(text).toBe(line(MAX_SEQ, 1));
  });

  it.each([Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, MAX_SEQ + 1])(
    'ignores an ack mark of %s (redelivering what is on disk) and keeps counting from the entries',
    async (ackedSeq) => {
      const dataDir = await tempDir();
      await fs.writeFile(path.join(dataDir, JOURNAL_FILE), line(1, 1) + line(2, 2));
      await fs.writeFile(path.join(dataDir, JOURNAL_ACK_FILE), JSON.stringify({ ackedSeq }));
      const { logger, warnings } = recordingLogger();
      const journal = await openJournal({ dataDir, logger });
      expect(journal.ackedSeq()).toBe(0);
      expect(warnings.some((w) => w.includes('ack file unreadable'))).toBe(true);
      const [next] = await journal.append([{ kind: 'item', item: item(3) }]);
      expect(next?.seq).toBe(3);
      await journal.close();
    },
  );
});
