import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../shared/settings-schema';
import {
  addHoliday,
  formatHoliday,
  formToWorkingTime,
  importHolidaysIcs,
  importSummary,
  mergeHolidays,
  nextInterval,
  sameWorkingTime,
  type WorkingTimeFormState,
  type WorkingTimeValue,
  workingTimeFieldOrder,
  workingTimeToForm,
  zoneChoices,
} from './working-time-form';

const SYSTEM = 'Europe/Berlin';
const defaults = (): WorkingTimeValue => {
  const { timeZone, workingHours, holidays } = defaultSettings();
  return { timeZone, workingHours, holidays };
};
const form = (patch: Partial<WorkingTimeFormState> = {}): WorkingTimeFormState => ({
  ...workingTimeToForm(defaults(), SYSTEM),
  ...patch,
});
const withMonday = (on: boolean, intervals: { start: string; end: string }[]) => {
  const f = form();
  f.days[1] = { on, intervals };
  return f;
};
const errorsOf = (f: WorkingTimeFormState) => {
  const result = formToWorkingTime(f);
  return result.ok ? {} : result.errors;
};

const ics = (...events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR'].join('\r\n');
const allDay = (date: string) =>
  `BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:${date}\r\nSUMMARY:Holiday\r\nEND:VEVENT`;

describe('working-time form', () => {
  it('round-trips the defaults: the system zone, Mon–Fri 09:00–17:00, no holidays', () => {
    const f = form();
    expect(f.useSystemZone).toBe(true);
    expect(f.zone).toBe(SYSTEM);
    expect(f.days[6]).toEqual({ on: false, intervals: [{ start: '09:00', end: '17:00' }] });
    expect(formToWorkingTime(f)).toEqual({ ok: true, value: defaults() });
    expect(sameWorkingTime(f, defaults())).toBe(true);
  });

  it('shows a 24:00 end as midnight (00:00) and saves it back as 24:00', () => {
    const saved = defaults();
    saved.workingHours[7] = [{ start: '20:00', end: '24:00' }];
    const f = workingTimeToForm(saved, SYSTEM);
    expect(f.days[7]).toEqual({ on: true, intervals: [{ start: '20:00', end: '00:00' }] });
    const result = formToWorkingTime(f);
    expect(result.ok && result.value.workingHours[7]).toEqual([{ start: '20:00', end: '24:00' }]);
  });

  it.each([
    [{ useSystemZone: true, zone: 'nonsense' }, null, {}],
    [{ useSystemZone: false, zone: ' UTC ' }, 'UTC', {}],
    [{ useSystemZone: false, zone: 'America/New_York' }, 'America/New_York', {}],
    [{ useSystemZone: false, zone: '' }, null, { zone: 'Enter a time zone, or use the system zone.' }],
    [
      { useSystemZone: false, zone: 'Mars/Olympus' },
      null,
      { zone: 'Mars/Olympus is not a time zone Lull knows. Choose one from the list, e.g. Europe/Berlin.' },
    ],
  ])('zone %j saves as %j', (patch, timeZone, errors) => {
    const result = formToWorkingTime(form(patch));
    if (result.ok) expect(result.value.timeZone).toBe(timeZone);
    expect(result.ok ? {} : result.errors).toEqual(errors);
  });

  it.each([
    ['a day off keeps its hours but saves none', withMonday(false, [{ start: '', end: '' }]), {}],
    [
      'a split day',
      withMonday(true, [
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '17:00' },
      ]),
      {},
    ],
    ['until midnight', withMonday(true, [{ start: '16:00', end: '00:00' }]), {}],
    [
      'an empty start',
      withMonday(true, [{ start: '', end: '17:00' }]),
      { 'start-1-0': "Enter when Monday's hours start." },
    ],
    [
      'an empty end',
      withMonday(true, [{ start: '09:00', end: '' }]),
      { 'end-1-0': "Enter when Monday's hours end." },
    ],
    [
      'an end before the start',
      withMonday(true, [{ start: '17:00', end: '09:00' }]),
      { 'end-1-0': 'Monday: the hours must end after they start.' },
    ],
    [
      'overlapping spans',
      withMonday(true, [
        { start: '09:00', end: '13:00' },
        { start: '12:00', end: '17:00' },
      ]),
      { 'day-1': 'Monday: the hours overlap. Make each span start after the last ends.' },
    ],
  ])('%s', (_, f, errors) => {
    expect(errorsOf(f)).toEqual(errors);
  });

  it('refuses a week without working hours', () => {
    const f = form();
    for (const day of [1, 2, 3, 4, 5] as const) f.days[day].on = false;
    expect(errorsOf(f)).toEqual({ week: 'Turn on at least one working day.' });
  });

  it('orders fields as they appear, so the first invalid one gets focus', () => {
    const f = withMonday(true, [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    const order = workingTimeFieldOrder(f);
    expect(order.slice(0, 7)).toEqual([
      'zone',
      'week',
      'start-1-0',
      'end-1-0',
      'start-1-1',
      'end-1-1',
      'day-1',
    ]);
    expect(order.at(-1)).toBe('holidays');
  });

  it('compares with the saved value, holidays in any order', () => {
    const saved = { ...defaults(), holidays: ['2025-12-26', '2025-12-25'] };
    expect(sameWorkingTime(workingTimeToForm(saved, SYSTEM), saved)).toBe(true);
    expect(sameWorkingTime(form({ holidays: ['2025-12-25'] }), defaults())).toBe(false);
    expect(sameWorkingTime(form({ useSystemZone: false, zone: 'UTC' }), defaults())).toBe(false);
  });

  it.each([
    [[{ start: '09:00', end: '12:00' }], { start: '13:00', end: '17:00' }],
    [[{ start: '09:00', end: '21:00' }], { start: '22:00', end: '00:00' }],
    [[{ start: '09:00', end: '00:00' }], { start: '09:00', end: '17:00' }],
    [[], { start: '09:00', end: '17:00' }],
  ])('after %j the next span is %j', (intervals, next) => {
    expect(nextInterval(intervals)).toEqual(next);
  });

  it('lists every supported zone plus UTC and the current one, sorted', () => {
    expect(zoneChoices(['Europe/Berlin', 'America/New_York'], 'Asia/Tokyo')).toEqual([
      'America/New_York',
      'Asia/Tokyo',
      'Europe/Berlin',
      'UTC',
    ]);
    expect(zoneChoices(['UTC'], 'Mars/Olympus')).toEqual(['UTC']);
  });
});

describe('holidays', () => {
  it.each([
    [[], '2025-12-25', { holidays: ['2025-12-25'] }],
    [['2026-01-01'], '2025-12-25', { holidays: ['2025-12-25', '2026-01-01'] }],
    [['2025-12-25'], '2025-12-25', { error: 'Thu, 25 Dec 2025 is already a holiday.' }],
    [[], '', { error: 'Choose a date first.' }],
    [[], '2025-02-29', { error: 'Enter a date like 2025-12-25.' }],
    [[], '25.12.2025', { error: 'Enter a date like 2025-12-25.' }],
  ])('adding to %j the date %j gives %j', (list, date, outcome) => {
    expect(addHoliday(list, date)).toEqual(outcome);
  });

  it('merges without duplicates and counts only what is new', () => {
    expect(mergeHolidays(['2025-12-25'], ['2025-12-26', '2025-12-25', '2025-12-26', 'junk'])).toEqual({
      holidays: ['2025-12-25', '2025-12-26'],
      added: 1,
    });
  });

  it('imports an .ics calendar, merging and de-duplicating, and says how many were added', () => {
    const text = ics(
      allDay('20251225'),
      allDay('20251226'),
      allDay('20260101'),
      'BEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT',
    );
    const result = importHolidaysIcs(['2025-12-25'], text, 'UTC');
    expect(result).toEqual({
      ok: true,
      holidays: ['2025-12-25', '2025-12-26', '2026-01-01'],
      added: 2,
      found: 3,
      skipped: 1,
    });
    expect(result.ok && importSummary(result)).toBe(
      'Added 2 holidays (1 already listed). 1 event without a date was skipped. Save to keep them.',
    );
  });

  it.each([
    ['{"not":"a calendar"}', 'This file is not an iCalendar (.ics) file. The holidays are unchanged.'],
    ['', 'This file is not an iCalendar (.ics) file. The holidays are unchanged.'],
    [ics(), 'This calendar holds no dated events. The holidays are unchanged.'],
  ])('refuses %j in words', (text, error) => {
    expect(importHolidaysIcs(['2025-12-25'], text, 'UTC')).toEqual({ ok: false, error });
  });

  it.each([
    [{ added: 1, found: 1, skipped: 0 }, 'Added 1 holiday. Save to keep them.'],
    [{ added: 0, found: 1, skipped: 0 }, 'No new holidays: the one date was already listed.'],
    [
      { added: 0, found: 4, skipped: 2 },
      'No new holidays: all 4 dates were already listed. 2 events without a date were skipped.',
    ],
  ])('summarises %j', (counts, text) => {
    expect(importSummary({ ok: true, holidays: [], ...counts })).toBe(text);
  });

  it('formats a date the same in every zone', () => {
    expect(formatHoliday('2026-01-01')).toBe('Thu, 1 Jan 2026');
    expect(formatHoliday('not a date')).toBe('not a date');
  });
});
