import type { LullApi } from '../../../shared/contract';
import type { SourceView } from '../../../shared/source-schemas';
import { useCoreMirror } from '../../hooks/useCoreMirror';
import { selectSetSources } from '../../store/selectors';
import { useLullStore } from '../../store/store';

const list = (api: LullApi) => api.sources.list();
const onChanged = (api: LullApi, listener: (sources: SourceView[]) => void) => api.onSourcesChanged(listener);

/** Mirrors the core's sources and their status into the store (for the sources view and inbox rows). */
export function useSourcesSync(): void {
  useCoreMirror(list, onChanged, useLullStore(selectSetSources));
}
