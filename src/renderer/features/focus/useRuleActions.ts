import { useCallback } from 'react';
import type { FocusRule } from '../../../shared/focus-schedule';
import { describeError } from '../../lib/errors';
import { useLullApi } from '../../services/useServices';
import { selectSettings } from '../../store/selectors';
import { useLullStore } from '../../store/store';

/**
 * Saves the whole rule list through the core, which validates and stores it. Each change starts from
 * the latest mirrored rules (read at call time, not render time) so quick edits do not undo each other.
 * Resolves to null on success or to the core's refusal in words.
 */
export function useRuleActions() {
  const api = useLullApi();

  const save = useCallback(
    async (change: (rules: readonly FocusRule[]) => FocusRule[]): Promise<string | null> => {
      const current = selectSettings(useLullStore.getState());
      try {
        const saved = await api.settings.saveFocusRules({ rules: change(current?.focusRules ?? []) });
        // The settings event follows; mirroring the answer now keeps the list from flickering back.
        const state = useLullStore.getState();
        const latest = selectSettings(state);
        if (latest) state.setSettings({ ...latest, focusRules: saved });
        return null;
      } catch (error) {
        return describeError(error);
      }
    },
    [api],
  );

  return { save };
}
