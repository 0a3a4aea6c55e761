/**
 * UI state only (STYLE.md): connection, the focus, settings, sources and held-count mirrors (the core owns
 * them), the selected row, the digest panel. Inbox rows live in Dexie and are read through repo hooks, never copied here.
 */
import { create } from 'zustand';
import { type ConnectionSlice, createConnectionSlice } from './connection-slice';
import { createDigestSlice, type DigestSlice } from './digest-slice';
import { createFocusSlice, type FocusSlice } from './focus-slice';
import { createInboxSlice, type InboxSlice } from './inbox-slice';
import { createNotificationsSlice, type NotificationsSlice } from './notifications-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createSourcesSlice, type SourcesSlice } from './sources-slice';

export type LullStore = ConnectionSlice &
  FocusSlice &
  InboxSlice &
  SettingsSlice &
  SourcesSlice &
  DigestSlice &
  NotificationsSlice;

export const createLullStore = () =>
  create<LullStore>()((...args) => ({
    ...createConnectionSlice(...args),
    ...createFocusSlice(...args),
    ...createInboxSlice(...args),
    ...createSettingsSlice(...args),
    ...createSourcesSlice(...args),
    ...createDigestSlice(...args),
    ...createNotificationsSlice(...args),
  }));

export const useLullStore = createLullStore();
