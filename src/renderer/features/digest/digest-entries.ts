/**
 * One row of the digest panel, from the inbox row when Dexie has it (live status, routing reason)
 * and from the core's held copy otherwise (the journal has not brought the item in yet).
 */
import type { HeldItem } from '../../../shared/digest-schemas';
import type { RouteDecision } from '../../../shared/routing';
import type { ItemStatus, StoredItem } from '../../db/lull-db';

export interface DigestEntry {
  readonly id: string;
  readonly title: string;
  readonly channel: HeldItem['channel'];
  readonly sender?: { readonly name: string; readonly handle?: string | undefined } | undefined;
  readonly url?: string | undefined;
  readonly deadline: number;
  readonly route?: RouteDecision | undefined;
  readonly status: ItemStatus;
  readonly snoozedUntil?: number | undefined;
}

function fromStored(item: StoredItem): DigestEntry {
  return {
    id: item.id,
    title: item.title,
    channel: item.channel,
    sender: item.sender,
    url: item.url,
    deadline: item.deadline,
    route: item.route,
    status: item.status,
    snoozedUntil: item.snoozedUntil,
  };
}

function fromHeld(item: HeldItem): DigestEntry {
  return { ...item, status: 'open' };
}

/**
 * The rows for `ids`, soonest deadline first (ties keep the digest's order). `stored` is aligned with
 * `ids`; an id neither Dexie nor the held copies know (retracted since) is left out.
 */
export function mergeEntries(
  ids: readonly string[],
  held: readonly HeldItem[],
  stored: readonly (StoredItem | undefined)[],
): DigestEntry[] {
  const heldById = new Map(held.map((item) => [item.id, item]));
  const entries: { entry: DigestEntry; index: number }[] = [];
  ids.forEach((id, index) => {
    const row = stored[index];
    const copy = heldById.get(id);
    if (row) entries.push({ entry: fromStored(row), index });
    else if (copy) entries.push({ entry: fromHeld(copy), index });
  });
  return entries.sort((a, b) => a.entry.deadline - b.entry.deadline || a.index - b.index).map((e) => e.entry);
}
