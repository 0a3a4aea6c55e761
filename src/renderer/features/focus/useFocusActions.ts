import { useCallback } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FocusSet, FocusStatus } from '../../../shared/focus-schemas';
import { describeError } from '../../lib/errors';
import { useLullApi } from '../../services/useServices';
import { selectFocusActions } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { toggleChange } from './focus-choices';

/** Asks the core to change focus; the store follows the core's answer, never a guess. */
export function useFocusActions() {
  const api = useLullApi();
  const { setFocus, setFocusPending, setFocusError } = useLullStore(useShallow(selectFocusActions));

  const request = useCallback(
    async (change: FocusSet) => {
      setFocusPending(true);
      setFocusError(null);
      try {
        setFocus(await api.focus.set(change));
      } catch (error) {
        setFocusError(`Focus was not changed: ${describeError(error)}`);
      } finally {
        setFocusPending(false);
      }
    },
    [api, setFocus, setFocusPending, setFocusError],
  );

  const toggle = useCallback(
    (focus: Pick<FocusStatus, 'active' | 'skipping'> | null) => request(toggleChange(focus)),
    [request],
  );

  return { request, toggle };
}
