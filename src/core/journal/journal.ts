import path from 'node:path';
import { LullError } from '../../shared/contract';
import { type JournalEntry, journalEntrySchema, MAX_SEQ } from '../../shared/schemas';
import { openAppendLog } from '../lib/append-log';
import { readFileIfExists, writeFileAtomic } from '../lib/atomic-file';
import { createEmitter } from '../lib/emitter';
import { createSerialQueue } from '../lib/serial';
import type { Logger } from '../ports';

export const JOURNAL_FILE = 'journal.jsonl';
export const JOURNAL_ACK_FILE = 'journal-ack.json';

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;
export type JournalPayload = DistributiveOmit<JournalEntry, 'seq'>;

export interface Journal {
  /** Appends and fsyncs; resolves with the stored entries only once they are durable. */
  append(payloads: readonly JournalPayload[]): Promise<JournalEntry[]>;
  /**
   * Entries after `sinceSeq`. `rebuild: true` when some of them are no longer kept (acked by another
   * window, or dropped to bound the file): the caller rebuilds from the core's snapshot instead.
   */
  pull(sinceSeq: number, limit?: number): { entries: JournalEntry[]; lastSeq: number; rebuild?: true };
  ack(seq: number): Promise<number>;
  /** Every entry still on disk, acked or not, oldest first. */
  entries(): readonly JournalEntry[];
  lastSeq(): number;
  ackedSeq(): number;
  onAppended(listener: (lastSeq: number) => void): () => void;
  close(): Promise<void>;
}

export interface JournalOptions {
  dataDir: string;
  logger: Logger;
  /** Compact once this many acked entries sit in the file. */
  compactAfter?: number;
  /**
   * The most entries kept whether or not a window acked them: past it the oldest half goes, so the
   * file (and start-up) stays bounded with no window open. Items live in the item store, so a window
   * that falls behind loses nothing: it rebuilds from the snapshot.
   */
  maxEntries?: number;
}

/**
 * The seam between the core and the renderer (DESIGN.md): an append-only JSON-lines file. Each entry
 * gets a sequence number; the renderer pulls from its last stored sequence, stores, then acks; acked
 * entries are compacted away. A torn last line (a crash mid-append) is cut off at open.
 */
export async function openJournal(options: JournalOptions): Promise<Journal> {
  const file = path.join(options.dataDir, JOURNAL_FILE);
  const ackFile = path.join(options.dataDir, JOURNAL_ACK_FILE);
  const compactAfter = options.compactAfter ?? 1000;
  const maxEntries = options.maxEntries ?? 10_000;
  const serial = createSerialQueue();
  const emitter = createEmitter<{ appended: [lastSeq: number] }>((error) =>
    options.logger.error(`listener failed: ${String(error)}`),
  );

  let acked = await readAck();
  const opened = await openAppendLog({
    file,
    logger: options.logger,
    parse: (value) => {
      const result = journalEntrySchema.safeParse(value);
      return result.success ? result.data : null;
    },
  });
  const log = opened.log;
  let all = inOrder(opened.records, options.logger);
  let last = Math.max(acked, all.at(-1)?.seq ?? 0);

  async function readAck(): Promise<number> {
    const text = await readFileIfExists(ackFile);
    if (text === null) return 0;
    try {
      const value = (JSON.parse(text) as { ackedSeq?: unknown }).ackedSeq;
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_SEQ) {
        return value;
      }
    } catch {
      // fall through to the warning
    }
    options.logger.warn(`journal ack file unreadable; redelivering every entry still in ${JOURNAL_FILE}`);
    return 0;
  }

  let savedAck = acked;
  async function saveAck(): Promise<void> {
    if (acked === savedAck) return;
    await writeFileAtomic(ackFile, JSON.stringify({ ackedSeq: acked }));
    savedAck = acked;
  }

  /** Everything at or below this was dropped from the file: a pull from below it cannot be served. */
  const servedAfter = () => (all.length > 0 ? all[0]!.seq - 1 : last);

  async function compact(): Promise<void> {
    let keep = all.filter((entry) => entry.seq > acked);
    if (keep.length > maxEntries) keep = keep.slice(keep.length - Math.floor(maxEntries / 2));
    await log.rewrite(keep);
    all = keep;
  }

  /**
   * Group commit: appends that arrive while a write is in flight wait together and share the next
   * write and fsync, so a burst of concurrent requests costs a few fsyncs rather than one each.
   * Sequence numbers follow arrival order, and each append still resolves only once it is durable.
   */
  type Waiting = {
    payloads: readonly JournalPayload[];
    resolve: (stored: JournalEntry[]) => void;
    reject: (error: unknown) => void;
  };
  let waiting: Waiting[] = [];

  async function writeWaiting(): Promise<void> {
    const batch = waiting;
    waiting = [];
    let seq = last;
    const groups = batch.map(({ payloads }) =>
      payloads.map((payload) => ({ ...payload, seq: ++seq }) as JournalEntry),
    );
    const stored = groups.flat();
    try {
      // Never write a seq the loader would skip.
      if (seq > MAX_SEQ)
        throw new LullError('journal-full', `${JOURNAL_FILE} has run out of sequence numbers`);
      if (stored.length > 0) await log.append(stored);
    } catch (error) {
      // The seqs are spent even so: whole lines of a failed write may remain, and a later entry must
      // still sort after them.
      if (seq <= MAX_SEQ) last = seq;
      for (const waiter of batch) waiter.reject(error);
      return;
    }
    all.push(...stored);
    last = seq;
    for (const [index, waiter] of batch.entries()) waiter.resolve(groups[index]!);
    if (stored.length > 0) emitter.emit('appended', last);
    if (all.length > maxEntries) {
      // In the background, after the writers heard back: nobody waits on the rewrite.
      void serial(compact).catch((error: unknown) =>
        options.logger.error(`could not compact ${JOURNAL_FILE}: ${String(error)}`),
      );
    }
  }

  return {
    append(payloads) {
      return new Promise<JournalEntry[]>((resolve, reject) => {
        waiting.push({ payloads, resolve, reject });
        if (waiting.length === 1) void serial(writeWaiting);
      });
    },
    pull(sinceSeq, limit = 500) {
      if (sinceSeq < servedAfter()) return { entries: [], lastSeq: last, rebuild: true };
      const from = sinceSeq;
      const entries: JournalEntry[] = [];
      for (const entry of all) {
        if (entry.seq <= from) continue;
        entries.push(entry);
        if (entries.length >= limit) break;
      }
      return { entries, lastSeq: last };
    },
    /**
     * Remembers how far the windows got. The mark is written before compaction drops what it covers
     * (the file must never forget a sequence it handed out) and at close, not on acks that drop
     * nothing: a mark lost in a crash only means a window is offered entries it already has.
     */
    ack(seq) {
      return serial(async () => {
        const next = Math.min(Math.max(acked, seq), last);
        if (next === acked) return acked;
        acked = next;
        let ackedOnDisk = 0;
        for (const entry of all) {
          if (entry.seq > acked) break;
          ackedOnDisk++;
        }
        // Caught up (the usual case with a window open): the file empties, so start-up replays nothing.
        if (ackedOnDisk >= compactAfter || ackedOnDisk === all.length) {
          await saveAck();
          await compact();
        }
        return acked;
      });
    },
    entries: () => all,
    lastSeq: () => last,
    ackedSeq: () => acked,
    onAppended: (listener) => emitter.on('appended', listener),
    close: () =>
      serial(async () => {
        await saveAck().catch((error: unknown) =>
          options.logger.warn(`could not save the journal ack mark: ${String(error)}`),
        );
        await log.close();
      }),
  };
}

/**
 * Sequence numbers only grow. An entry whose seq is not above the last one kept is a leftover (or
 * damage) and is skipped with a warning; the schema already refuses a seq out of range (not a whole
 * number from 1 to MAX_SEQ), so `last` can never become a value the next load would skip.
 */
function inOrder(entries: readonly JournalEntry[], logger: Logger): JournalEntry[] {
  const kept: JournalEntry[] = [];
  for (const entry of entries) {
    const previous = kept.at(-1)?.seq ?? 0;
    if (entry.seq > previous) kept.push(entry);
    else logger.warn(`${JOURNAL_FILE}: entry ${entry.seq} skipped, it does not follow ${previous}`);
  }
  return kept;
}
