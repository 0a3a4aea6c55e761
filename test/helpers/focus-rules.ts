import type { FocusRule } from '../../src/shared/focus-schedule';

/** "Deep work", Monday to Friday 10:00–11:00 UTC: the tray tests' scheduled block. */
export const deepWorkUtc: FocusRule = {
  id: 'deep',
  name: 'Deep work',
  kind: 'window',
  weekdays: [1, 2, 3, 4, 5],
  start: '10:00',
  end: '11:00',
  zone: 'UTC',
  enabled: true,
};
