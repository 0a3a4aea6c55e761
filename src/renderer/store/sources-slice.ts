import type { StateCreator } from 'zustand';
import type { SourceStatus, SourceView } from '../../shared/source-schemas';
import type { LullStore } from './store';

export interface SourcesSlice {
  /**
   * The core's sources with their status, a mirror like the settings; null until the first answer.
   * Holds no secret: the core only says whether one is stored.
   */
  sources: readonly SourceView[] | null;
  setSources(sources: readonly SourceView[]): void;
  /** A saved source: replaced where it was, or added at the end. */
  putSource(view: SourceView): void;
  setSourceStatus(status: SourceStatus): void;
  dropSource(id: string): void;
}

export const createSourcesSlice: StateCreator<LullStore, [], [], SourcesSlice> = (set) => ({
  sources: null,
  setSources: (sources) => set({ sources }),
  putSource: (view) =>
    set(({ sources }) => {
      const list = sources ?? [];
      const known = list.some((other) => other.source.id === view.source.id);
      return {
        sources: known
          ? list.map((other) => (other.source.id === view.source.id ? view : other))
          : [...list, view],
      };
    }),
  setSourceStatus: (status) =>
    set(({ sources }) => ({
      sources: sources?.map((view) => (view.source.id === status.id ? { ...view, status } : view)) ?? null,
    })),
  dropSource: (id) =>
    set(({ sources }) => ({ sources: sources?.filter((view) => view.source.id !== id) ?? null })),
});
