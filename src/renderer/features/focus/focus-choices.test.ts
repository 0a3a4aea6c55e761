import { describe, expect, it } from 'vitest';
import { focusSetSchema } from '../../../shared/focus-schemas';
import { TIMED_FOCUS, toggleChange, UNTIL_BLOCK_END, UNTIL_TOMORROW, untilChoices } from './focus-choices';

describe('focus choices', () => {
  it('are valid requests whose names start with "Start focus" and contain their visible words', () => {
    for (const choice of [...TIMED_FOCUS, UNTIL_BLOCK_END, UNTIL_TOMORROW]) {
      expect(focusSetSchema.safeParse(choice.change).success).toBe(true);
      expect(choice.name).toMatch(/^Start focus /);
      expect(choice.name.toLowerCase()).toContain(choice.label.toLowerCase());
    }
    expect(UNTIL_TOMORROW.change).toEqual({ active: true, until: 'working-start' });
  });

  it('offer "until this block ends" only while a block runs', () => {
    expect(untilChoices(false)).toEqual([UNTIL_TOMORROW]);
    expect(untilChoices(true)).toEqual([UNTIL_BLOCK_END, UNTIL_TOMORROW]);
  });

  it('toggle off (skipping a running block), resume a skipped block, or start until turned off', () => {
    expect(toggleChange({ active: true, skipping: false })).toEqual({ active: false });
    expect(toggleChange({ active: false, skipping: true })).toEqual({ active: true, until: 'block-end' });
    expect(toggleChange({ active: false, skipping: false })).toEqual({ active: true });
    expect(toggleChange(null)).toEqual({ active: true });
  });
});
