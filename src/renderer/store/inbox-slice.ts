import type { StateCreator } from 'zustand';
import { DEFAULT_FILTER, type InboxFilter } from '../db/inbox-query';
import type { LullStore } from './store';

/** The inbox's modal dialogs; one at a time. */
export type InboxDialog =
  | { kind: 'snooze'; ids: readonly string[] }
  | { kind: 'deadline'; id: string }
  | { kind: 'shortcuts' };

export interface InboxSlice {
  /** The row keyboard focus belongs to; survives re-renders and rows moving between groups. */
  selectedId: string | null;
  select(id: string | null): void;
  /** What the list shows: status, channel, source, overdue and search words. */
  filter: InboxFilter;
  setFilter(change: Partial<InboxFilter>): void;
  /** Rows ticked for a bulk action (x, or the row's checkbox). */
  checked: ReadonlySet<string>;
  toggleChecked(id: string): void;
  clearChecked(): void;
  /** The item shown in the detail pane. */
  openId: string | null;
  openItem(id: string | null): void;
  dialog: InboxDialog | null;
  setDialog(dialog: InboxDialog | null): void;
}

const NONE: ReadonlySet<string> = new Set();

export const createInboxSlice: StateCreator<LullStore, [], [], InboxSlice> = (set) => ({
  selectedId: null,
  select: (selectedId) => set({ selectedId }),
  filter: DEFAULT_FILTER,
  // A new filter shows other rows: ticks on rows that may no longer be visible would surprise.
  setFilter: (change) => set((s) => ({ filter: { ...s.filter, ...change }, checked: NONE })),
  checked: NONE,
  toggleChecked: (id) =>
    set((s) => {
      const checked = new Set(s.checked);
      if (!checked.delete(id)) checked.add(id);
      return { checked };
    }),
  clearChecked: () => set({ checked: NONE }),
  openId: null,
  openItem: (openId) => set({ openId }),
  dialog: null,
  setDialog: (dialog) => set({ dialog }),
});
