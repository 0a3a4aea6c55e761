import type { LullApi } from '../../shared/contract';
import type { Settings } from '../../shared/settings-schema';
import { useCoreMirror } from '../hooks/useCoreMirror';
import { selectSetSettings } from '../store/selectors';
import { useLullStore } from '../store/store';

const getSettings = (api: LullApi) => api.settings.get();
const onSettingsChanged = (api: LullApi, listener: (settings: Settings) => void) =>
  api.onSettingsChanged(listener);

/** Mirrors the core's settings into the store, like the focus status. */
export function useSettingsSync(): void {
  useCoreMirror(getSettings, onSettingsChanged, useLullStore(selectSetSettings));
}
