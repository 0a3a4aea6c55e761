import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings-schema';
import { tomorrowMorning, userCalendar } from './snooze';

const at = (iso: string) => Date.parse(iso);

describe('tomorrow morning', () => {
  const calendar = userCalendar(defaultSettings(), 'Europe/Berlin');

  it('is the next working day at the start of working hours, in the user zone', () => {
    // Tuesday 15:00 Berlin → Wednesday 09:00 Berlin.
    expect(tomorrowMorning(at('2026-03-10T14:00:00Z'), calendar)).toBe(at('2026-03-11T08:00:00Z'));
    // Friday evening → Monday morning.
    expect(tomorrowMorning(at('2026-03-13T19:00:00Z'), calendar)).toBe(at('2026-03-16T08:00:00Z'));
  });

  it('skips holidays and follows the settings zone over the system one', () => {
    const settings = { ...defaultSettings(), timeZone: 'America/New_York', holidays: ['2026-03-11'] };
    expect(tomorrowMorning(at('2026-03-10T14:00:00Z'), userCalendar(settings, 'Europe/Berlin'))).toBe(
      at('2026-03-12T13:00:00Z'),
    );
  });

  it('falls back to 09:00 tomorrow when there are no working hours at all', () => {
    const none = { ...calendar, hours: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } };
    expect(tomorrowMorning(at('2026-03-10T14:00:00Z'), none)).toBe(at('2026-03-11T08:00:00Z'));
  });
});
