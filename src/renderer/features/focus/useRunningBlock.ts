import { useMemo } from 'react';
import { type Block, blockAt } from '../../../shared/focus-schedule';
import { selectFocusRules } from '../../store/selectors';
import { useLullStore } from '../../store/store';

/**
 * The scheduled block running at `now` by the mirrored rules, whatever the override says: it decides
 * whether "until this block ends" is offered and names a skipped block.
 */
export function useRunningBlock(now: number): Block | null {
  const rules = useLullStore(selectFocusRules);
  return useMemo(() => blockAt(rules, now), [rules, now]);
}
