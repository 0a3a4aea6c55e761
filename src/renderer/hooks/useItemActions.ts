import { useMemo } from 'react';
import { defaultSettings } from '../../shared/settings-schema';
import { tomorrowMorning, userCalendar } from '../../shared/snooze';
import { useServices } from '../app/useServices';
import { setItemsState } from '../db/items-repo';
import { selectSettings } from '../store/selectors';
import { useLullStore } from '../store/store';

export interface ItemActions {
  done(ids: readonly string[]): Promise<void>;
  /** Undo: back to open, whatever it was. */
  reopen(ids: readonly string[]): Promise<void>;
  /** Until the next working day starts; resolves to that instant. */
  snoozeUntilTomorrow(ids: readonly string[]): Promise<number>;
  /** When "tomorrow morning" is, from now: for labels. */
  tomorrowMorningAt(now: number): number;
}

/**
 * What the user can do with items, offline-first (DESIGN.md): Dexie changes at once, then the core is
 * told, so a handled item leaves the held queue before any digest shows it.
 */
export function useItemActions(): ItemActions {
  const { db, itemState } = useServices();
  const settings = useLullStore(selectSettings);

  return useMemo(() => {
    const systemZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const calendar = userCalendar(settings ?? defaultSettings(), systemZone);
    const tomorrowMorningAt = (now: number) => tomorrowMorning(now, calendar);
    return {
      async done(ids) {
        await setItemsState(db, ids, { state: 'done', at: Date.now() });
        void itemState.send(ids, { state: 'done' });
      },
      async reopen(ids) {
        await setItemsState(db, ids, { state: 'open' });
        void itemState.send(ids, { state: 'open' });
      },
      async snoozeUntilTomorrow(ids) {
        const until = tomorrowMorningAt(Date.now());
        await setItemsState(db, ids, { state: 'snoozed', until });
        void itemState.send(ids, { state: 'snoozed', snoozeUntil: until });
        return until;
      },
      tomorrowMorningAt,
    };
  }, [db, itemState, settings]);
}
