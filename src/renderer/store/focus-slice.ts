import type { StateCreator } from 'zustand';
import type { FocusStatus } from '../../shared/focus-schemas';
import type { LullStore } from './store';

export interface FocusSlice {
  /** The core's focus status as last heard; null until the first answer. The core owns the truth. */
  focus: FocusStatus | null;
  /** A change the user asked for is on its way to the core. */
  focusPending: boolean;
  focusError: string | null;
  setFocus(status: FocusStatus): void;
  setFocusPending(pending: boolean): void;
  setFocusError(message: string | null): void;
}

export const createFocusSlice: StateCreator<LullStore, [], [], FocusSlice> = (set) => ({
  focus: null,
  focusPending: false,
  focusError: null,
  setFocus: (focus) => set({ focus }),
  setFocusPending: (focusPending) => set({ focusPending }),
  setFocusError: (focusError) => set({ focusError }),
});
