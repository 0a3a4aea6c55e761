import type { StateCreator } from 'zustand';
import type { LullStore } from './store';

export interface InboxSlice {
  /** The row keyboard focus belongs to; survives re-renders and rows moving between groups. */
  selectedId: string | null;
  select(id: string | null): void;
}

export const createInboxSlice: StateCreator<LullStore, [], [], InboxSlice> = (set) => ({
  selectedId: null,
  select: (selectedId) => set({ selectedId }),
});
