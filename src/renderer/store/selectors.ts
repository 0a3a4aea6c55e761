import type { LullStore } from './store';

export const selectConnection = (s: LullStore) => s.connection;
export const selectSetConnection = (s: LullStore) => s.setConnection;
export const selectSelectedId = (s: LullStore) => s.selectedId;
export const selectSelect = (s: LullStore) => s.select;
export const selectSettings = (s: LullStore) => s.settings;
export const selectSetSettings = (s: LullStore) => s.setSettings;

const NO_RULES: readonly never[] = [];
/** The focus rules as last heard (an empty list until settings arrive). */
export const selectFocusRules = (s: LullStore) => s.settings?.focusRules ?? NO_RULES;

/** An object result: read it with `useShallow`. */
export const selectFocusView = (s: LullStore) => ({
  focus: s.focus,
  pending: s.focusPending,
  error: s.focusError,
});

export const selectFocusActions = (s: LullStore) => ({
  setFocus: s.setFocus,
  setFocusPending: s.setFocusPending,
  setFocusError: s.setFocusError,
});

export const selectHeld = (s: LullStore) => s.held;
export const selectReleasedDigest = (s: LullStore) => s.releasedDigest;
export const selectDigestPanel = (s: LullStore) => s.digestPanel;
/** An object result: read it with `useShallow`. */
export const selectDigestActions = (s: LullStore) => ({
  setHeld: s.setHeld,
  setReleasedDigest: s.setReleasedDigest,
  openDigestPanel: s.openDigestPanel,
  closeDigestPanel: s.closeDigestPanel,
});
export const selectNotificationPermission = (s: LullStore) => s.notificationPermission;
export const selectSetNotificationPermission = (s: LullStore) => s.setNotificationPermission;

const NO_SOURCES: readonly never[] = [];
/** The sources as last heard (an empty list until the first answer). */
export const selectSources = (s: LullStore) => s.sources ?? NO_SOURCES;
export const selectSourcesLoaded = (s: LullStore) => s.sources !== null;
export const selectSetSources = (s: LullStore) => s.setSources;
/** An object result: read it with `useShallow`. */
export const selectSourceActions = (s: LullStore) => ({
  putSource: s.putSource,
  setSourceStatus: s.setSourceStatus,
  dropSource: s.dropSource,
});
/** An item's `source` is a source id for items a connector made: its name when known, else null. */
export const selectSourceName = (id: string) => (s: LullStore) =>
  s.sources?.find((view) => view.source.id === id)?.source.name ?? null;

export const selectInboxFilter = (s: LullStore) => s.filter;
export const selectChecked = (s: LullStore) => s.checked;
export const selectOpenId = (s: LullStore) => s.openId;
export const selectInboxDialog = (s: LullStore) => s.dialog;
/** An object result: read it with `useShallow`. */
export const selectInboxActions = (s: LullStore) => ({
  select: s.select,
  setFilter: s.setFilter,
  toggleChecked: s.toggleChecked,
  clearChecked: s.clearChecked,
  openItem: s.openItem,
  setDialog: s.setDialog,
});
