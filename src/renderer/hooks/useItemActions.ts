import { useMemo } from 'react';
import { defaultSettings } from '../../shared/settings-schema';
import { type SnoozeChoices, snoozeChoices, tomorrowMorning, userCalendar } from '../../shared/snooze';
import type { CoreItemState } from '../api/item-state-sync';
import { type ItemStateChange, setItemsState } from '../db/items-repo';
import type { LullDb, StoredItem } from '../db/lull-db';
import { useServices } from '../services/useServices';
import { selectSettings } from '../store/selectors';
import { useLullStore } from '../store/store';

/** An item's state before an action, so Undo can put it back exactly (and the toast can name it). */
export interface PriorState {
  readonly id: string;
  readonly title: string;
  readonly status: StoredItem['status'];
  readonly snoozedUntil?: number | undefined;
  readonly doneAt?: number | undefined;
}

export interface ItemActions {
  done(ids: readonly string[]): Promise<PriorState[]>;
  /** Back to the inbox: a done or snoozed item opens again. */
  reopen(ids: readonly string[]): Promise<PriorState[]>;
  snooze(ids: readonly string[], until: number): Promise<PriorState[]>;
  /** Puts each item back the way it was (Undo). */
  restore(prior: readonly PriorState[]): Promise<void>;
  /** A deadline of the user's own; null returns to the charter's. */
  setDeadline(id: string, deadline: number | null): Promise<void>;
  /** Opens the item's link in the browser; the core checks the URL first. */
  openLink(url: string): Promise<void>;
  /** The snooze menu's quick choices from `now`, in the user's working calendar. */
  snoozeChoices(now: number): SnoozeChoices;
  /** When "tomorrow morning" is, from now: for the digest's one-key snooze. */
  tomorrowMorningAt(now: number): number;
  /** The digest's quick snooze: until the next working morning; resolves to that instant. */
  snoozeUntilTomorrow(ids: readonly string[]): Promise<number>;
  /** The zone snooze and deadline times are read in. */
  readonly zone: string;
}

async function priorStates(db: LullDb, ids: readonly string[]): Promise<PriorState[]> {
  const rows = await db.items.bulkGet([...ids]);
  return rows.flatMap((row) =>
    row
      ? [
          {
            id: row.id,
            title: row.title,
            status: row.status,
            snoozedUntil: row.snoozedUntil,
            doneAt: row.doneAt,
          },
        ]
      : [],
  );
}

/** The same change as the rows store it; a done row keeps `doneAt`. */
function rowChange(next: CoreItemState, doneAt: number): ItemStateChange {
  if (next.state === 'done') return { state: 'done', at: doneAt };
  if (next.state === 'snoozed') return { state: 'snoozed', until: next.snoozeUntil };
  return { state: 'open' };
}

/**
 * What the user can do with items, offline first (DESIGN.md): the Dexie rows change and the action is
 * queued for the core in one transaction; the outbox sends it when it can, exactly once.
 */
export function useItemActions(): ItemActions {
  const { db, itemState, client, clock } = useServices();
  const settings = useLullStore(selectSettings);

  return useMemo(() => {
    const calendar = userCalendar(settings ?? defaultSettings(), clock.zone());

    async function apply(ids: readonly string[], next: CoreItemState, doneAt = clock.now()): Promise<void> {
      await itemState.send(ids, next, () => setItemsState(db, ids, rowChange(next, doneAt)));
    }

    async function change(ids: readonly string[], next: CoreItemState): Promise<PriorState[]> {
      const prior = await priorStates(db, ids);
      await apply(ids, next);
      return prior;
    }

    return {
      done: (ids) => change(ids, { state: 'done' }),
      reopen: (ids) => change(ids, { state: 'open' }),
      snooze: (ids, until) => change(ids, { state: 'snoozed', snoozeUntil: until }),
      async restore(prior) {
        // One action per earlier state, so each item reaches the core as it was.
        const groups = new Map<string, PriorState[]>();
        for (const p of prior) {
          const key = `${p.status}@${p.snoozedUntil ?? ''}`;
          groups.set(key, [...(groups.get(key) ?? []), p]);
        }
        for (const group of groups.values()) {
          const { status, snoozedUntil, doneAt } = group[0]!;
          const next: CoreItemState =
            status === 'snoozed' && snoozedUntil !== undefined
              ? { state: 'snoozed', snoozeUntil: snoozedUntil }
              : { state: status === 'done' ? 'done' : 'open' };
          await apply(
            group.map((p) => p.id),
            next,
            doneAt,
          );
        }
      },
      async setDeadline(id, deadline) {
        await itemState.enqueue({ command: 'inbox:set-deadline', payload: { id, deadline } }, async () => {
          // The row shows the new deadline at once; the core's copy (journal) confirms it later.
          if (deadline !== null) await db.items.update(id, { deadline, deadlineExplicit: true });
        });
      },
      async openLink(url) {
        const { opened } = await client.api.app.openExternal({ url });
        // The browser host cannot open a browser for the page: the page opens the link itself.
        if (!opened) window.open(url, '_blank', 'noopener,noreferrer');
      },
      snoozeChoices: (now) => snoozeChoices(now, calendar),
      tomorrowMorningAt: (now) => tomorrowMorning(now, calendar),
      async snoozeUntilTomorrow(ids) {
        const until = tomorrowMorning(clock.now(), calendar);
        await apply(ids, { state: 'snoozed', snoozeUntil: until });
        return until;
      },
      zone: calendar.zone,
    };
  }, [db, itemState, client, clock, settings]);
}
