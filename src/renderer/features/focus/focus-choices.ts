/**
 * The timed focus choices, shared by the header and the focus view. Accessible names are part of the
 * e2e contract: they start with "Start focus", so `/^Focus/` finds only the header toggle, and the
 * visible text is whole words of the name (WCAG 2.5.3, label in name).
 */
import type { FocusSet, FocusStatus } from '../../../shared/focus-schemas';

export interface FocusChoice {
  readonly id: string;
  /** Visible text. */
  readonly label: string;
  /** Accessible name. */
  readonly name: string;
  readonly change: FocusSet;
}

export const TIMED_FOCUS: readonly FocusChoice[] = [
  {
    id: '25m',
    label: '25 minutes',
    name: 'Start focus for 25 minutes',
    change: { active: true, minutes: 25 },
  },
  { id: '1h', label: '1 hour', name: 'Start focus for 1 hour', change: { active: true, minutes: 60 } },
  { id: '2h', label: '2 hours', name: 'Start focus for 2 hours', change: { active: true, minutes: 120 } },
];

export const UNTIL_BLOCK_END: FocusChoice = {
  id: 'block-end',
  label: 'Until this block ends',
  name: 'Start focus until this block ends',
  change: { active: true, until: 'block-end' },
};

/** Focus through the evening and night, until the next working day starts. */
export const UNTIL_TOMORROW: FocusChoice = {
  id: 'tomorrow',
  label: 'Until tomorrow',
  name: 'Start focus until tomorrow',
  change: { active: true, until: 'working-start' },
};

/** The open-ended choices; "until this block ends" only while a scheduled block runs. */
export function untilChoices(blockRunning: boolean): FocusChoice[] {
  return blockRunning ? [UNTIL_BLOCK_END, UNTIL_TOMORROW] : [UNTIL_TOMORROW];
}

/**
 * What the toggle does: off turns focus off (during a scheduled block that skips the rest of it);
 * on resumes a skipped block until it ends, or starts focus until turned off.
 */
export function toggleChange(focus: Pick<FocusStatus, 'active' | 'skipping'> | null): FocusSet {
  if (focus?.active) return { active: false };
  if (focus?.skipping) return { active: true, until: 'block-end' };
  return { active: true };
}
