import path from 'node:path';
import { z } from 'zod';
import { identityResolver } from '../../shared/contacts';
import type { DeliveryPolicy } from '../../shared/delivery';
import type { InboxItem } from '../../shared/schemas';
import { openAppendLog } from '../lib/append-log';
import { createGroupCommit } from '../lib/group-commit';
import { createSerialQueue } from '../lib/serial';
import type { Logger } from '../ports';

export const CONTACTS_FILE = 'contacts.jsonl';
/** The most arrivals kept per person: the repeat count's upper bound, so every count stays exact. */
export const MAX_ARRIVALS_PER_PERSON = 100;
/** Rewrite the file once it holds this many more records than the window needs. */
const COMPACT_AFTER = 500;

/** One routing batch: these people sent something at `at` (a person twice when they sent two). */
const recordSchema = z.object({ at: z.number(), people: z.array(z.string()) });
type ContactRecord = z.output<typeof recordSchema>;

export interface ContactWindow {
  /**
   * Records one arrival per entry at `now` and answers, per entry, how many arrivals that person has
   * within `windowMs` up to and including it. Durable when it resolves.
   */
  arrive(people: readonly string[], now: number, windowMs: number): Promise<number[]>;
  /** Records a batch's senders as people (the alias list applied) and answers each item's count. */
  arriveFrom(
    items: readonly Pick<InboxItem, 'id' | 'sender'>[],
    policy: Pick<DeliveryPolicy, 'aliases' | 'repeatWithinMinutes'>,
    now: number,
  ): Promise<Map<string, number>>;
  close(): Promise<void>;
}

/**
 * Repeated contact, counted by person across sources: recent arrivals per person, kept in an
 * append-only file so the counting window survives a restart. Only the window's arrivals are kept
 * (at most MAX_ARRIVALS_PER_PERSON each), and compaction rewrites the file to just those.
 */
export async function openContactWindow(options: {
  dataDir: string;
  logger: Logger;
}): Promise<ContactWindow> {
  const serial = createSerialQueue();
  const { log, records } = await openAppendLog<ContactRecord>({
    file: path.join(options.dataDir, CONTACTS_FILE),
    logger: options.logger,
    parse: (value) => {
      const result = recordSchema.safeParse(value);
      return result.success ? result.data : null;
    },
  });
  /** Arrival instants per person, oldest first. */
  const arrivals = new Map<string, number[]>();
  /** Arrivals held in `arrivals`, and records in the file: compaction compares the two. */
  let live = 0;
  let written = records.length;
  let forgotAt = Number.NEGATIVE_INFINITY;

  function add(person: string, at: number): number[] {
    const list = arrivals.get(person) ?? [];
    if (list.length === 0) arrivals.set(person, list);
    // Records replay in order, but a clock set back can make an arrival older than the last one.
    let index = list.length;
    while (index > 0 && list[index - 1]! > at) index--;
    list.splice(index, 0, at);
    live++;
    if (list.length > MAX_ARRIVALS_PER_PERSON) {
      list.shift();
      live--;
    }
    return list;
  }
  for (const record of records) for (const person of record.people) add(person, record.at);

  /** Memory hygiene only (counts look at the window themselves): at most once a minute. */
  function forgetBefore(cutoff: number, now: number): void {
    if (now >= forgotAt && now - forgotAt < 60_000) return;
    forgotAt = now;
    for (const [person, list] of arrivals) {
      let drop = 0;
      while (drop < list.length && list[drop]! < cutoff) drop++;
      live -= drop;
      if (drop === list.length) arrivals.delete(person);
      else if (drop > 0) list.splice(0, drop);
    }
  }

  async function compactIfDue(): Promise<void> {
    if (written - live < COMPACT_AFTER) return;
    const byInstant = new Map<number, string[]>();
    for (const [person, list] of arrivals) {
      for (const at of list) byInstant.set(at, [...(byInstant.get(at) ?? []), person]);
    }
    const snapshot = [...byInstant].sort(([a], [b]) => a - b).map(([at, people]) => ({ at, people }));
    await log.rewrite(snapshot);
    written = snapshot.length;
  }

  /** Arrivals counted in memory whose record is not durable yet: compaction waits for them. */
  let undurable = 0;
  // Concurrent batches share one append and its fsync (group commit, as the journal does).
  const commit = createGroupCommit<ContactRecord>(serial, async (batch) => {
    await log.append(batch);
    written += batch.length;
    undurable -= batch.length;
    if (undurable === 0) await compactIfDue();
  });

  const arrive: ContactWindow['arrive'] = async (people, now, windowMs) => {
    forgetBefore(now - windowMs, now);
    if (people.length === 0) return [];
    // Counted now, in call order; answered once the arrivals are durable.
    const counts = people.map((person) => {
      const list = add(person, now);
      // Arrivals after `now` (a clock set back) are not "recent" to this one.
      return list.filter((at) => at <= now && at >= now - windowMs).length;
    });
    undurable++;
    try {
      await commit([{ at: now, people: [...people] }]);
    } catch (error) {
      undurable--;
      throw error;
    }
    return counts;
  };

  return {
    arrive,
    async arriveFrom(items, policy, now) {
      const resolver = identityResolver(policy.aliases);
      const sent = items.flatMap((item) => {
        const person = resolver.personOf(item.sender);
        return person === null ? [] : [{ id: item.id, person }];
      });
      const counts = await arrive(
        sent.map(({ person }) => person),
        now,
        policy.repeatWithinMinutes * 60_000,
      );
      return new Map(sent.map(({ id }, index) => [id, counts[index]!]));
    },
    close: () => serial(() => log.close()),
  };
}
