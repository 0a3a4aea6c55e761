import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir';
import type { InboxItem } from '../../shared/schemas';
import type { Logger } from '../ports';
import { JOURNAL_ACK_FILE, JOURNAL_FILE, type JournalPayload, openJournal } from './journal';

function recordingLogger() {
  const warnings: string[] = [];
  const logger: Logger = { info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };
  return { logger, warnings };
}

function item(n: number): JournalPayload {
  const value: InboxItem = {
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
  return { kind: 'item', item: value };
}

const items = (from: number, count: number) => Array.from({ length: count }, (_, i) => item(from + i));

async function fileLines(dir: string): Promise<string[]> {
  const text = await fs.readFile(path.join(dir, JOURNAL_FILE), 'utf8');
  return text.split('\n').filter((line) => line !== '');
}

const seqsOf = (entries: readonly { seq: number }[]) => entries.map((e) => e.seq);

describe('journal', () => {
  it('assigns increasing seqs, and entries survive a reopen', async () => {
    const dataDir = await tempDir();
    const journal = await openJournal({ dataDir, logger: recordingLogger().logger });
    const first = await journal.append(items(1, 2));
    const second = await journal.append([item(3)]);
    expect(seqsOf(first)).toEqual([1, 2]);
    expect(seqsOf(second)).toEqual([3]);
    expect(journal.lastSeq()).toBe(3);
    await journal.close();

    const reopened = await openJournal({ dataDir, logger: recordingLogger().logger });
    expect(reopened.entries()).toEqual([...first, ...second]);
    expect(reopened.lastSeq()).toBe(3);
    await reopened.close();
  });

  it('pages through pull(sinceSeq, limit) returning each entry exactly once', async () => {
    const journal = await openJournal({ dataDir: await tempDir(), logger: recordingLogger().logger });
    await journal.append(items(1, 23));
    const seen: number[] = [];
    let since = 0;
    for (;;) {
      const page = journal.pull(since, 5);
      expect(page.lastSeq).toBe(23);
      expect(page.entries.length).toBeLessThanOrEqual(5);
      if (page.entries.length === 0) break;
      seen.push(...seqsOf(page.entries));
      since = page.entries.at(-1)!.seq;
    }
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(journal.pull(10, 3).entries.map((e) => e.kind === 'item' && e.item.id)).toEqual([
      'test/11',
      'test/12',
      'test/13',
    ]);
    await journal.close();
  });

  it('acks persist across a reopen; acked entries still in the file serve a window that lacks them', async () => {
    const dataDir = await tempDir();
    const journal = await openJournal({ dataDir, logger: recordingLogger().logger, compactAfter: 1000 });
    await journal.append(items(1, 5));
    expect(await journal.ack(3)).toBe(3);
    expect(seqsOf(journal.pull(3).entries)).toEqual([4, 5]);
    // A second window (a fresh profile) still gets everything the file holds, without a rebuild.
    expect(journal.pull(0)).toMatchObject({ entries: items(1, 5).map((_, i) => ({ seq: i + 1 })) });
    // An older ack never moves the mark backwards.
    expect(await journal.ack(1)).toBe(3);
    await journal.close();

    const ackText = await fs.readFile(path.join(dataDir, JOURNAL_ACK_FILE), 'utf8');
    expect(JSON.parse(ackText)).toEqual({ ackedSeq: 3 });
    const reopened = await openJournal({ dataDir, logger: recordingLogger().logger });
    expect(reopened.ackedSeq()).toBe(3);
    expect(seqsOf(reopened.pull(3).entries)).toEqual([4, 5]);
    await reopened.close();
  });

  it('clamps an ack beyond lastSeq', async () => {
    const journal = await openJournal({ dataDir: await tempDir(), logger: recordingLogger().logger });
    expect(await journal.ack(7)).toBe(0);
    await journal.append(items(1, 2));
    expect(await journal.ack(99)).toBe(2);
    expect(journal.ackedSeq()).toBe(2);
    const [next] = await journal.append([item(3)]);
    expect(next?.seq).toBe(3);
    await journal.close();
  });

  it('compaction removes acked lines from the file, and seqs keep rising after it and after a reopen', async () => {
    const dataDir = await tempDir();
    const journal = await openJournal({ dataDir, logger: recordingLogger().logger, compactAfter: 3 });
    await journal.append(items(1, 5));
    await journal.ack(2); // below the threshold: nothing dropped yet
    expect(await fileLines(dataDir)).toHaveLength(5);
    await journal.ack(4);
    const lines = await fileLines(dataDir);
    expect(lines.map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([5]);
    expect(seqsOf(journal.entries())).toEqual([5]);

    await journal.ack(5); // everything acked: the file is emptied
    expect(await fileLines(dataDir)).toEqual([]);
    const [afterCompact] = await journal.append([item(6)]);
    expect(afterCompact?.seq).toBe(6);
    await journal.ack(6);
    expect(await fileLines(dataDir)).toEqual([]);
    await journal.close();

    // The file is empty now; the seq must continue from the ack mark, not restart at 1.
    const reopened = await openJournal({ dataDir, logger: recordingLogger().logger });
    expect(reopened.lastSeq()).toBe(6);
    const [afterReopen] = await reopened.append([item(7)]);
    expect(afterReopen?.seq).toBe(7);
    await reopened.close();
  });

  it('stays bounded with no window: past maxEntries the oldest half goes, and a pull from there says rebuild', async () => {
    const dataDir = await tempDir();
    const journal = await openJournal({ dataDir, logger: recordingLogger().logger, maxEntries: 10 });
    for (let n = 1; n <= 11; n++) await journal.append(items(n, 1));
    await journal.close(); // waits for the background compaction
    const reopened = await openJournal({ dataDir, logger: recordingLogger().logger, maxEntries: 10 });
    expect(seqsOf(reopened.entries())).toEqual([7, 8, 9, 10, 11]);
    expect(await fileLines(dataDir)).toHaveLength(5);
    // A window that had everything up to 6 goes on; one from further back must rebuild.
    expect(seqsOf(reopened.pull(6).entries)).toEqual([7, 8, 9, 10, 11]);
    expect(reopened.pull(6).rebuild).toBeUndefined();
    expect(reopened.pull(3)).toEqual({ entries: [], lastSeq: 11, rebuild: true });
    await reopened.close();
  });

  it('tells a second window to rebuild once the first one acked and compaction dropped the entries', async () => {
    const dataDir = await tempDir();
    const journal = await openJournal({ dataDir, logger: recordingLogger().logger, compactAfter: 1 });
    await journal.append(items(1, 3));
    await journal.ack(3);
    expect(journal.pull(3)).toEqual({ entries: [], lastSeq: 3 });
    expect(journal.pull(0)).toEqual({ entries: [], lastSeq: 3, rebuild: true });
    await journal.close();
  });

  it('cuts off a torn last line at open, keeps what came before, and stays appendable', async () => {
    const dataDir = await tempDir();
    const first = await openJournal({ dataDir, logger: recordingLogger().logger });
    await first.append(items(1, 2));
    await first.close();
    const file = path.join(dataDir, JOURNAL_FILE);
    const torn = JSON.stringify({ seq: 3, ...item(3) }).slice(0, 40);
    await fs.appendFile(file, torn);

    const { logger, warnings } = recordingLogger();
    const second = await openJournal({ dataDir, logger });
    expect(seqsOf(second.entries())).toEqual([1, 2]);
    expect(warnings.some((w) => w.includes('torn'))).toBe(true);
    const [appended] = await second.append([item(3)]);
    expect(appended?.seq).toBe(3);
    await second.close();

    const third = await openJournal({ dataDir, logger: recordingLogger().logger });
    expect(seqsOf(third.entries())).toEqual([1, 2, 3]);
    expect(third.entries()[2]).toEqual(appended);
    await third.close();
    expect((await fs.readFile(file, 'utf8')).endsWith('\n')).toBe(true);
  });

  it('skips a garbage line in the middle with a warning', async () => {
    const dataDir = await tempDir();
    const first = await openJournal({ dataDir, logger: recordingLogger().logger });
    await first.append(items(1, 2));
    await first.close();
    const file = path.join(dataDir, JOURNAL_FILE);
    const [line1, line2] = (await fs.readFile(file, 'utf8')).split('\n');
    await fs.writeFile(file, `${line1}\n{"seq": "not a journal entry"\n${line2}\n`);

    const { logger, warnings } = recordingLogger();
    const second = await openJournal({ dataDir, logger });
    expect(seqsOf(second.entries())).toEqual([1, 2]);
    expect(warnings.filter((w) => w.includes('journal.jsonl: line skipped'))).toHaveLength(1);
    const [next] = await second.append([item(3)]);
    expect(next?.seq).toBe(3);
    await second.close();
  });

  it('gives 50 concurrent appends unique, consecutive seqs, all durable', async () => {
    const dataDir = await tempDir();
    const journal = await openJournal({ dataDir, logger: recordingLogger().logger });
    const results = await Promise.all(items(1, 50).map((payload) => journal.append([payload])));
    const seqs = results.flatMap(seqsOf).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await journal.close();
    const lines = await fileLines(dataDir);
    expect(lines.map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual(seqs);
  });

  it('writes concurrent appends together (group commit), in call order, each resolving with its own entries', async () => {
    const dataDir = await tempDir();
    const journal = await openJournal({ dataDir, logger: recordingLogger().logger });
    let writes = 0;
    journal.onAppended(() => writes++);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => journal.append(i % 10 === 0 ? [] : items(i * 2, 2))),
    );
    expect(results.map((entries) => entries.length)).toEqual(
      Array.from({ length: 100 }, (_, i) => (i % 10 === 0 ? 0 : 2)),
    );
    expect(results.flatMap(seqsOf)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    expect(results[1]!.map((e) => e.kind === 'item' && e.item.id)).toEqual(['test/2', 'test/3']);
    expect(writes).toBeLessThan(10);
    await journal.close();
    expect((await fileLines(dataDir)).map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual(
      Array.from({ length: 180 }, (_, i) => i + 1),
    );
  });

  it('tells onAppended listeners the new lastSeq, and stops after unsubscribe', async () => {
    const journal = await openJournal({ dataDir: await tempDir(), logger: recordingLogger().logger });
    const heard: number[] = [];
    const unsubscribe = journal.onAppended((lastSeq) => heard.push(lastSeq));
    await journal.append(items(1, 3));
    await journal.append([item(4)]);
    await journal.append([]);
    unsubscribe();
    await journal.append([item(5)]);
    expect(heard).toEqual([3, 4]);
    await journal.close();
  });
});
