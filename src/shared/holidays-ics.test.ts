import { describe, expect, it } from 'vitest';
import { parseHolidaysIcs } from './holidays-ics';

const ics = (...events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');

describe('parseHolidaysIcs', () => {
  it.each([
    ['one all-day event', [['DTSTART;VALUE=DATE:20251225', 'SUMMARY:Christmas Day']], ['2025-12-25']],
    [
      'DTEND is exclusive; multi-day events expand',
      [['DTSTART;VALUE=DATE:20251224', 'DTEND;VALUE=DATE:20251227']],
      ['2025-12-24', '2025-12-25', '2025-12-26'],
    ],
    [
      'across a month and a leap day',
      [['DTSTART;VALUE=DATE:20280228', 'DTEND;VALUE=DATE:20280302']],
      ['2028-02-28', '2028-02-29', '2028-03-01'],
    ],
    ['DURATION in days', [['DTSTART;VALUE=DATE:20250501', 'DURATION:P2D']], ['2025-05-01', '2025-05-02']],
    [
      'DURATION in weeks',
      [['DTSTART;VALUE=DATE:20250804', 'DURATION:P1W']],
      ['2025-08-04', '2025-08-05', '2025-08-06', '2025-08-07', '2025-08-08', '2025-08-09', '2025-08-10'],
    ],
    [
      'DTEND not after DTSTART is one day',
      [['DTSTART;VALUE=DATE:20250101', 'DTEND;VALUE=DATE:20250101']],
      ['2025-01-01'],
    ],
    ['a date without VALUE=DATE', [['DTSTART:20250101']], ['2025-01-01']],
    ['UTC time → local date in Berlin', [['DTSTART:20251231T230000Z']], ['2026-01-01']],
    ['IANA TZID → local date in Berlin', [['DTSTART;TZID=America/New_York:20251231T200000']], ['2026-01-01']],
    ['quoted IANA TZID', [['DTSTART;TZID="Europe/London":20250501T233000']], ['2025-05-02']],
    ['floating time is taken as written', [['DTSTART:20250501T233000']], ['2025-05-01']],
    [
      'a non-IANA TZID is taken as written',
      [['DTSTART;TZID=W. Europe Standard Time:20250501T233000']],
      ['2025-05-01'],
    ],
    [
      'lower-case names, a quoted colon in a parameter',
      [['dtstart;X-NOTE="a:b";value=date:20250704']],
      ['2025-07-04'],
    ],
    [
      'sorted and unique',
      [
        ['DTSTART;VALUE=DATE:20251226'],
        ['DTSTART;VALUE=DATE:20250101'],
        ['DTSTART;VALUE=DATE:20251225', 'DTEND;VALUE=DATE:20251227'],
      ],
      ['2025-01-01', '2025-12-25', '2025-12-26'],
    ],
    [
      'an alarm inside the event does not disturb it; RRULE is ignored',
      [
        [
          'BEGIN:VALARM',
          'TRIGGER:-PT15M',
          'DTSTART:20200101T000000Z',
          'END:VALARM',
          'DTSTART;VALUE=DATE:20250101',
          'RRULE:FREQ=YEARLY',
        ],
      ],
      ['2025-01-01'],
    ],
  ])('%s', (_, events, dates) => {
    expect(parseHolidaysIcs(ics(...events), 'Europe/Berlin')).toEqual({ dates, skipped: 0 });
  });

  it('reads UTC times as local dates in the calendar zone', () => {
    expect(parseHolidaysIcs(ics(['DTSTART:20251231T230000Z']), 'America/New_York').dates).toEqual([
      '2025-12-31',
    ]);
    expect(parseHolidaysIcs(ics(['DTSTART:20251231T113000Z']), 'Pacific/Chatham').dates).toEqual([
      '2026-01-01',
    ]);
  });

  it('unfolds lines (RFC 5545 §3.1), with CRLF or LF', () => {
    const folded =
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DA\r\n TE:2025\r\n\t1003\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    expect(parseHolidaysIcs(folded, 'Europe/Berlin').dates).toEqual(['2025-10-03']);
    expect(parseHolidaysIcs(folded.replaceAll('\r\n', '\n'), 'Europe/Berlin').dates).toEqual(['2025-10-03']);
  });

  it('ignores time-zone definitions and other components', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Berlin',
      'BEGIN:STANDARD',
      'DTSTART:19701025T030000',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VTODO',
      'DTSTART;VALUE=DATE:20250301',
      'END:VTODO',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(parseHolidaysIcs(text, 'Europe/Berlin')).toEqual({ dates: [], skipped: 0 });
  });

  it('counts events it cannot use', () => {
    const text = ics(
      ['SUMMARY:no start'],
      ['DTSTART:2025-01-01'],
      ['DTSTART;VALUE=DATE:20250229'],
      ['DTSTART;VALUE=DATE:20250101T090000'],
      ['DTSTART;VALUE=DATE:20250102', 'STATUS:CANCELLED'],
      ['DTSTART;VALUE=DATE:20250101', 'DTEND;VALUE=DATE:20270101'],
      ['DTSTART;VALUE=DATE:20250106'],
    );
    expect(parseHolidaysIcs(text, 'Europe/Berlin')).toEqual({ dates: ['2025-01-06'], skipped: 6 });
    expect(parseHolidaysIcs('BEGIN:VEVENT\nDTSTART;VALUE=DATE:20250101', 'UTC')).toEqual({
      dates: [],
      skipped: 1,
    });
  });

  it('handles empty or non-calendar text, and rejects an unknown zone', () => {
    expect(parseHolidaysIcs('', 'UTC')).toEqual({ dates: [], skipped: 0 });
    expect(parseHolidaysIcs('<html>not a calendar</html>', 'UTC')).toEqual({ dates: [], skipped: 0 });
    expect(() => parseHolidaysIcs(ics(), 'Mars/Base')).toThrow(RangeError);
  });
});
