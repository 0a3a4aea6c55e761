import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings-schema';
import { parseCustomSnooze, snoozeChoices, tomorrowMorning, userCalendar } from './snooze';

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

const NO_HOURS = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
const calendars = {
  berlin: userCalendar(defaultSettings(), 'Europe/Berlin'),
  newYork: userCalendar(defaultSettings(), 'America/New_York'),
  berlinHoliday: userCalendar({ ...defaultSettings(), holidays: ['2026-03-16'] }, 'Europe/Berlin'),
  berlinNoHours: { zone: 'Europe/Berlin', hours: NO_HOURS, holidays: [] },
  newYorkNoHours: { zone: 'America/New_York', hours: NO_HOURS, holidays: [] },
};

// 09:00–17:00 Monday to Friday. Berlin is UTC+1 until 29 March 2026, then UTC+2; New York is UTC−5
// until 8 March 2026, then UTC−4.
describe('snoozeChoices', () => {
  // biome-ignore format: one row per case
  it.each([
    // [case, calendar, now, laterToday, tomorrowMorning, nextWeek]
    ['Tuesday morning', 'berlin', '2026-03-10T09:00Z', '2026-03-10T12:00Z', '2026-03-11T08:00Z', '2026-03-16T08:00Z'],
    ['before work: counts from 09:00', 'berlin', '2026-03-10T06:00Z', '2026-03-10T11:00Z', '2026-03-11T08:00Z', '2026-03-16T08:00Z'],
    ['three hours end exactly at 17:00', 'berlin', '2026-03-10T13:00Z', '2026-03-10T16:00Z', '2026-03-11T08:00Z', '2026-03-16T08:00Z'],
    ['Tuesday 15:00: not today any more', 'berlin', '2026-03-10T14:00Z', null, '2026-03-11T08:00Z', '2026-03-16T08:00Z'],
    ['Friday 13:00', 'berlin', '2026-03-13T12:00Z', '2026-03-13T15:00Z', '2026-03-16T08:00Z', '2026-03-16T08:00Z'],
    ['Friday afternoon', 'berlin', '2026-03-13T14:00Z', null, '2026-03-16T08:00Z', '2026-03-16T08:00Z'],
    ['Saturday', 'berlin', '2026-03-14T09:00Z', null, '2026-03-16T08:00Z', '2026-03-16T08:00Z'],
    ['Sunday: next week starts tomorrow', 'berlin', '2026-03-15T09:00Z', null, '2026-03-16T08:00Z', '2026-03-16T08:00Z'],
    ['Monday: next week is seven days on', 'berlin', '2026-03-16T09:00Z', '2026-03-16T12:00Z', '2026-03-17T08:00Z', '2026-03-23T08:00Z'],
    ['holiday on next Monday: Tuesday', 'berlinHoliday', '2026-03-10T09:00Z', '2026-03-10T12:00Z', '2026-03-11T08:00Z', '2026-03-17T08:00Z'],
    ['DST week, Friday before the change', 'berlin', '2026-03-27T09:00Z', '2026-03-27T12:00Z', '2026-03-30T07:00Z', '2026-03-30T07:00Z'],
    ['DST Sunday itself', 'berlin', '2026-03-29T10:00Z', null, '2026-03-30T07:00Z', '2026-03-30T07:00Z'],
    ['New York, Wednesday before DST', 'newYork', '2026-03-04T15:00Z', '2026-03-04T18:00Z', '2026-03-05T14:00Z', '2026-03-09T13:00Z'],
    ['New York, Friday 11:00 before DST', 'newYork', '2026-03-06T16:00Z', '2026-03-06T19:00Z', '2026-03-09T13:00Z', '2026-03-09T13:00Z'],
    ['New York, Friday afternoon before DST', 'newYork', '2026-03-06T20:00Z', null, '2026-03-09T13:00Z', '2026-03-09T13:00Z'],
    ['New York, Monday after DST', 'newYork', '2026-03-09T14:00Z', '2026-03-09T17:00Z', '2026-03-10T13:00Z', '2026-03-16T13:00Z'],
    ['no hours: wall clock', 'berlinNoHours', '2026-03-10T09:00Z', '2026-03-10T12:00Z', '2026-03-11T08:00Z', '2026-03-16T08:00Z'],
    ['no hours, late evening', 'berlinNoHours', '2026-03-10T21:00Z', null, '2026-03-11T08:00Z', '2026-03-16T08:00Z'],
    ['no hours, Saturday noon', 'newYorkNoHours', '2026-03-07T17:00Z', '2026-03-07T20:00Z', '2026-03-08T13:00Z', '2026-03-09T13:00Z'],
    ['no hours, DST night: three real hours', 'newYorkNoHours', '2026-03-08T05:30Z', '2026-03-08T08:30Z', '2026-03-09T13:00Z', '2026-03-09T13:00Z'],
  ] as const)('%s', (_case, calendar, now, laterToday, tomorrow, nextWeek) => {
    expect(snoozeChoices(at(now), calendars[calendar])).toEqual({
      laterToday: laterToday === null ? null : at(laterToday),
      tomorrowMorning: at(tomorrow),
      nextWeek: at(nextWeek),
    });
  });
});

describe('parseCustomSnooze', () => {
  const now = at('2026-03-07T12:00Z');

  it.each([
    ['a time in Berlin', '2026-03-10T14:30', 'Europe/Berlin', '2026-03-10T13:30Z'],
    ['surrounding spaces', ' 2026-03-10T14:30 ', 'Europe/Berlin', '2026-03-10T13:30Z'],
    ['New York before DST', '2026-03-07T09:00', 'America/New_York', '2026-03-07T14:00Z'],
    ['New York after DST', '2026-03-09T09:00', 'America/New_York', '2026-03-09T13:00Z'],
    [
      'New York spring-forward gap: forward to 03:00 EDT',
      '2026-03-08T02:30',
      'America/New_York',
      '2026-03-08T07:00Z',
    ],
    [
      'Berlin spring-forward gap: forward to 03:00 CEST',
      '2026-03-29T02:30',
      'Europe/Berlin',
      '2026-03-29T01:00Z',
    ],
    ['New York fall-back: the first 01:30', '2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30Z'],
    ['Berlin fall-back: the first 02:30', '2026-10-25T02:30', 'Europe/Berlin', '2026-10-25T00:30Z'],
  ])('accepts %s', (_case, input, zone, expected) => {
    expect(parseCustomSnooze(input, zone, now)).toEqual({ ok: true, at: at(expected) });
  });

  it.each([
    ['a past time', '2026-03-07T12:59', 'Europe/Berlin', /already passed/],
    ['now itself', '2026-03-07T13:00', 'Europe/Berlin', /already passed/],
    ['an empty field', '', 'Europe/Berlin', /Enter a date and time/],
    ['a date alone', '2026-03-10', 'Europe/Berlin', /Enter a date and time/],
    ['a space for the T', '2026-03-10 14:30', 'Europe/Berlin', /Enter a date and time/],
    ['seconds', '2026-03-10T14:30:15', 'Europe/Berlin', /Enter a date and time/],
    ['words', 'tomorrow', 'Europe/Berlin', /Enter a date and time/],
    ['29 February of a common year', '2027-02-29T10:00', 'Europe/Berlin', /not a real date and time/],
    ['month 13', '2026-13-01T10:00', 'Europe/Berlin', /not a real date and time/],
    ['hour 25', '2026-03-10T25:00', 'Europe/Berlin', /not a real date and time/],
    ['24:00', '2026-03-10T24:00', 'Europe/Berlin', /not a real date and time/],
    ['an unknown zone', '2026-03-10T14:30', 'Mars/Olympus', /Mars\/Olympus is not a time zone/],
  ])('refuses %s in words', (_case, input, zone, error) => {
    const result = parseCustomSnooze(input, zone, now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(error);
  });
});
