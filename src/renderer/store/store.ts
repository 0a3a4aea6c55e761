/**
 * UI state only (STYLE.md): connection, the focus and settings mirrors (the core owns both), the
 * selected row. Inbox rows live in Dexie and are read through repo hooks, never copied here.
 */
import { create } from 'zustand';
import { type ConnectionSlice, createConnectionSlice } from './connection-slice';
import { createFocusSlice, type FocusSlice } from './focus-slice';
import { createInboxSlice, type InboxSlice } from './inbox-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';

export type LullStore = ConnectionSlice & FocusSlice & InboxSlice & SettingsSlice;

export const createLullStore = () =>
  create<LullStore>()((...args) => ({
    ...createConnectionSlice(...args),
    ...createFocusSlice(...args),
    ...createInboxSlice(...args),
    ...createSettingsSlice(...args),
  }));

export const useLullStore = createLullStore();
