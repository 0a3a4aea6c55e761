import type { HeldItem } from '../../shared/digest-schemas';

/** Scripts read instants as ISO 8601 in UTC; the core keeps epoch milliseconds. */
export const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A held item as GET /v1/digest/next and POST /v1/digest/release send it. */
export function heldForApi(item: HeldItem) {
  return {
    id: item.id,
    title: item.title,
    channel: item.channel,
    ...(item.sender ? { sender: item.sender } : {}),
    ...(item.url ? { url: item.url } : {}),
    deadline: iso(item.deadline),
    heldAt: iso(item.heldAt),
  };
}
