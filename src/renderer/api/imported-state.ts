import type { LullApi } from '../../shared/contract';
import { getItems } from '../db/items-repo';
import type { LullDb } from '../db/lull-db';

/** The core takes at most this many ids per state change. */
const BATCH = 500;

/**
 * After a backup was merged in: tells the core what the user had done with those items, as the inbox
 * does for each act (DESIGN.md: Dexie first, then the core) — done items leave any held batch, snoozed
 * ones get their wake-up armed. Reads the merged rows, so a state the merge kept from here counts.
 */
export async function tellCoreImportedState(
  api: { readonly inbox: Pick<LullApi['inbox'], 'setState'> },
  db: LullDb,
  ids: readonly string[],
  now: number,
): Promise<void> {
  const rows = (await getItems(db, ids)).filter((row) => row !== undefined);
  const done = rows.filter((row) => row.status === 'done').map((row) => row.id);
  const snoozes = new Map<number, string[]>();
  for (const row of rows) {
    if (row.status !== 'snoozed' || row.snoozedUntil === undefined || row.snoozedUntil <= now) continue;
    snoozes.set(row.snoozedUntil, [...(snoozes.get(row.snoozedUntil) ?? []), row.id]);
  }
  for (let i = 0; i < done.length; i += BATCH) {
    await api.inbox.setState({ ids: done.slice(i, i + BATCH), state: 'done' });
  }
  for (const [snoozeUntil, group] of snoozes) {
    for (let i = 0; i < group.length; i += BATCH) {
      await api.inbox.setState({ ids: group.slice(i, i + BATCH), state: 'snoozed', snoozeUntil });
    }
  }
}
