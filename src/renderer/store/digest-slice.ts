import type { StateCreator } from 'zustand';
import type { Digest } from '../../shared/digest-schemas';
import type { LullStore } from './store';

/** What is held in the core, as `digest:changed` says; null until the first answer. */
export interface HeldSummary {
  readonly heldCount: number;
  readonly nextReleaseAt: number | null;
}

/** The in-page digest panel: the latest released digest, or (peek) what is held now. */
export type DigestPanelMode = 'digest' | 'peek';

export interface DigestSlice {
  held: HeldSummary | null;
  /** The last digest released while this page was open; older ones come from Dexie history. */
  releasedDigest: Digest | null;
  digestPanel: DigestPanelMode | null;
  setHeld(held: HeldSummary): void;
  setReleasedDigest(digest: Digest): void;
  openDigestPanel(mode: DigestPanelMode): void;
  closeDigestPanel(): void;
}

export const createDigestSlice: StateCreator<LullStore, [], [], DigestSlice> = (set) => ({
  held: null,
  releasedDigest: null,
  digestPanel: null,
  setHeld: (held) => set({ held: { heldCount: held.heldCount, nextReleaseAt: held.nextReleaseAt } }),
  setReleasedDigest: (releasedDigest) => set({ releasedDigest }),
  openDigestPanel: (digestPanel) => set({ digestPanel }),
  closeDigestPanel: () => set({ digestPanel: null }),
});
