import path from 'node:path';
import { z } from 'zod';
import { type Digest, digestSchema, type HeldItem, heldItemSchema } from '../../shared/digest-schemas';
import { openAppendLog } from '../lib/append-log';
import { createGroupCommit } from '../lib/group-commit';
import { createSerialQueue } from '../lib/serial';
import type { Logger } from '../ports';

export const HELD_FILE = 'held.jsonl';
const FIRED_MEMORY = 200;
const COMPACT_AFTER = 2000;

const recordSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('hold'), item: heldItemSchema }),
  z.object({ op: z.literal('drop'), ids: z.array(z.string()) }),
  /** Phase one of a release: these items leave the queue and are about to be shown. */
  z.object({ op: z.literal('releasing'), digest: digestSchema, occurrence: z.string().nullable() }),
  /** Phase two: shown. A `releasing` without its `released` is shown again after a crash. */
  z.object({ op: z.literal('released'), id: z.string() }),
  /** Compaction keeps the occurrences already released, so a clock set back cannot release them again. */
  z.object({ op: z.literal('fired'), occurrence: z.string() }),
]);
type HeldRecord = z.output<typeof recordSchema>;

export interface HeldQueue {
  items(): HeldItem[];
  /** How many are held, without copying them (a status check per update must not cost O(held)). */
  size(): number;
  has(id: string): boolean;
  /** A release that was marked but not confirmed shown: show it (again) and finish it. */
  pending(): Digest | null;
  hasFired(occurrence: string): boolean;
  hold(items: readonly HeldItem[]): Promise<void>;
  drop(ids: readonly string[]): Promise<string[]>;
  beginRelease(digest: Digest, occurrence: string | null): Promise<void>;
  finishRelease(id: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The durable queue of held updates (DESIGN.md data ownership): an append-only log replayed at open.
 * Releases are two-phase, so a killed app loses nothing and shows a summary at most twice.
 */
export async function openHeldQueue(options: { dataDir: string; logger: Logger }): Promise<HeldQueue> {
  const serial = createSerialQueue();
  const { log, records } = await openAppendLog<HeldRecord>({
    file: path.join(options.dataDir, HELD_FILE),
    logger: options.logger,
    parse: (value) => {
      const result = recordSchema.safeParse(value);
      return result.success ? result.data : null;
    },
  });
  const held = new Map<string, HeldItem>();
  const fired: string[] = [];
  let pending: { digest: Digest; occurrence: string | null } | null = null;
  let written = records.length;

  function remember(occurrence: string): void {
    fired.push(occurrence);
    if (fired.length > FIRED_MEMORY) fired.shift();
  }

  function apply(record: HeldRecord): void {
    switch (record.op) {
      case 'hold':
        held.set(record.item.id, record.item);
        break;
      case 'drop':
        for (const id of record.ids) held.delete(id);
        break;
      case 'releasing':
        for (const item of record.digest.items) held.delete(item.id);
        pending = { digest: record.digest, occurrence: record.occurrence };
        if (record.occurrence) remember(record.occurrence);
        break;
      case 'fired':
        remember(record.occurrence);
        break;
      case 'released':
        if (pending?.digest.id === record.id) pending = null;
        break;
    }
  }
  for (const record of records) apply(record);

  async function write(batch: HeldRecord[]): Promise<void> {
    await log.append(batch);
    for (const record of batch) apply(record);
    written += batch.length;
    // Compact once the file holds COMPACT_AFTER records more than the state needs: compacting at a
    // fixed count would rewrite the whole queue on every hold once that many items are held.
    const live = held.size + fired.length + (pending ? 1 : 0);
    if (written - live < COMPACT_AFTER) return;
    // Compact to the state itself: what is held, the release in flight, the occurrences already fired.
    const snapshot: HeldRecord[] = [...held.values()].map((item) => ({ op: 'hold', item }));
    for (const occurrence of fired) {
      if (occurrence !== pending?.occurrence) snapshot.push({ op: 'fired', occurrence });
    }
    if (pending) snapshot.push({ op: 'releasing', digest: pending.digest, occurrence: pending.occurrence });
    await log.rewrite(snapshot);
    written = snapshot.length;
  }

  /** Holds that arrive while a write is in flight share the next one (group commit, as the journal). */
  const holdTogether = createGroupCommit<HeldRecord>(serial, write);

  return {
    items: () => [...held.values()],
    size: () => held.size,
    has: (id) => held.has(id),
    pending: () => pending?.digest ?? null,
    hasFired: (occurrence) => fired.includes(occurrence),
    hold: (items) => holdTogether(items.map((item) => ({ op: 'hold' as const, item }))),
    drop: (ids) =>
      serial(async () => {
        const present = ids.filter((id) => held.has(id));
        if (present.length > 0) await write([{ op: 'drop', ids: present }]);
        return present;
      }),
    beginRelease: (digest, occurrence) => serial(() => write([{ op: 'releasing', digest, occurrence }])),
    finishRelease: (id) => serial(() => write([{ op: 'released', id }])),
    close: () => serial(() => log.close()),
  };
}
