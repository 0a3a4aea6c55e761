import type { LullApi } from '../../../shared/contract';
import type { FocusStatus } from '../../../shared/focus-schemas';
import { useCoreMirror } from '../../hooks/useCoreMirror';
import { useLullStore } from '../../store/store';

const getStatus = (api: LullApi) => api.focus.getStatus();
const onFocusChanged = (api: LullApi, listener: (status: FocusStatus) => void) =>
  api.onFocusChanged(listener);

/** Mirrors the core's focus status into the store (the core owns it; STYLE.md "Main owns state"). */
export function useFocusSync(): void {
  useCoreMirror(
    getStatus,
    onFocusChanged,
    useLullStore((s) => s.setFocus),
  );
}
