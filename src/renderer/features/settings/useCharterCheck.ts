import { useEffect, useState } from 'react';
import type { CommandOutput } from '../../../shared/contract';
import type { DeliveryPolicy } from '../../../shared/delivery';
import { describeError } from '../../lib/errors';
import { useLullApi } from '../../services/useServices';

export type CharterWarnings = CommandOutput<'settings:check-charter'>;

export interface CharterCheck {
  /** null until the first answer for a valid policy. */
  readonly warnings: CharterWarnings | null;
  readonly error: string | null;
}

/**
 * Asks the core whether a delivery policy keeps the charter, a moment after the last change (the
 * core knows the charter, working hours and holidays). `revision` re-asks when those change.
 * Answers to older questions are dropped.
 */
export function useCharterCheck(
  policy: DeliveryPolicy | null,
  revision: unknown,
  delayMs = 250,
): CharterCheck {
  const api = useLullApi();
  const [state, setState] = useState<CharterCheck>({ warnings: null, error: null });
  const key = policy ? JSON.stringify(policy) : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `policy`, `revision` re-asks on purpose.
  useEffect(() => {
    if (!policy) return;
    let current = true;
    const timer = setTimeout(() => {
      api.settings
        .checkCharter({ delivery: policy })
        .then((warnings) => {
          if (current) setState({ warnings, error: null });
        })
        .catch((failure: unknown) => {
          if (current) setState((s) => ({ ...s, error: describeError(failure) }));
        });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key, revision, delayMs]);

  return state;
}
