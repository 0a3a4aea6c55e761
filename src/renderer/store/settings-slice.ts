import type { StateCreator } from 'zustand';
import type { Settings } from '../../shared/settings-schema';
import type { LullStore } from './store';

export interface SettingsSlice {
  /** The core's settings as last heard, a mirror like the focus status; null until the first answer. */
  settings: Settings | null;
  setSettings(settings: Settings): void;
}

export const createSettingsSlice: StateCreator<LullStore, [], [], SettingsSlice> = (set) => ({
  settings: null,
  setSettings: (settings) => set({ settings }),
});
