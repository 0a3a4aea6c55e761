import { describe, expect, it } from 'vitest';
import { addWorkingTime } from '../../test/helpers/working-time';
import { HOUR_MS, MINUTE_MS } from './channels';
import {
  DEFAULT_WORKING_HOURS,
  type WorkingHours,
  type WorkingInterval,
  workingTimeBetween,
} from './working-time';

const at = (iso: string) => Date.parse(iso);
const utc = (ms: number) => new Date(ms).toISOString();
const calendar = (zone: string, hours: WorkingHours) => ({ zone, hours, holidays: [] });
const everyDay = (...intervals: WorkingInterval[]): WorkingHours => ({
  1: intervals,
  2: intervals,
  3: intervals,
  4: intervals,
  5: intervals,
  6: intervals,
  7: intervals,
});
const NIGHTS = everyDay({ start: '00:00', end: '08:00' });

// New York 2025: 03-09 02:00 EST → 03:00 EDT; 11-02 02:00 EDT → 01:00 EST.
// Berlin 2025: 03-30 02:00 CET → 03:00 CEST; 10-26 03:00 CEST → 02:00 CET.
describe('DST weeks', () => {
  const ny = (hours = DEFAULT_WORKING_HOURS) => calendar('America/New_York', hours);
  const de = (hours = DEFAULT_WORKING_HOURS) => calendar('Europe/Berlin', hours);
  it.each([
    ['NY 9–17 over the spring weekend', ny(), '2025-03-07T16:00-05:00', 4 * 60, '2025-03-10T12:00-04:00'],
    ['NY 9–17 over the fall weekend', ny(), '2025-10-31T16:00-04:00', 4 * 60, '2025-11-03T12:00-05:00'],
    [
      'NY 00–08 on spring day holds 7 h',
      ny(NIGHTS),
      '2025-03-09T00:00-05:00',
      7 * 60,
      '2025-03-09T08:00-04:00',
    ],
    [
      'NY 00–08 spring: the 8th hour is the next night',
      ny(NIGHTS),
      '2025-03-09T00:00-05:00',
      8 * 60,
      '2025-03-10T01:00-04:00',
    ],
    ['NY 00–08 spring: across the jump', ny(NIGHTS), '2025-03-09T01:30-05:00', 60, '2025-03-09T03:30-04:00'],
    [
      'NY 00–08 on fall day holds 9 h',
      ny(NIGHTS),
      '2025-11-02T00:00-04:00',
      9 * 60,
      '2025-11-02T08:00-05:00',
    ],
    [
      'NY 00–08 fall: from the first 01:30',
      ny(NIGHTS),
      '2025-11-02T01:30-04:00',
      60,
      '2025-11-02T01:30-05:00',
    ],
    [
      'NY 00–08 fall: from the second 01:30',
      ny(NIGHTS),
      '2025-11-02T01:30-05:00',
      60,
      '2025-11-02T02:30-05:00',
    ],
    [
      'NY interval starting in the gap starts at its end',
      ny(everyDay({ start: '02:30', end: '04:00' })),
      '2025-03-09T00:00-05:00',
      30,
      '2025-03-09T03:30-04:00',
    ],
    [
      'NY ambiguous interval start is the earlier 01:30',
      ny(everyDay({ start: '01:30', end: '03:00' })),
      '2025-11-02T00:00-04:00',
      150,
      '2025-11-02T03:00-05:00',
    ],
    [
      'Berlin 00–08 spring: across the jump',
      de(NIGHTS),
      '2025-03-30T01:00+01:00',
      2 * 60,
      '2025-03-30T04:00+02:00',
    ],
    ['Berlin 00–08 spring holds 7 h', de(NIGHTS), '2025-03-30T00:00+01:00', 7 * 60, '2025-03-30T08:00+02:00'],
    [
      'Berlin 00–08 fall: from the first 02:30',
      de(NIGHTS),
      '2025-10-26T02:30+02:00',
      60,
      '2025-10-26T02:30+01:00',
    ],
    ['Berlin 00–08 fall holds 9 h', de(NIGHTS), '2025-10-26T00:00+02:00', 9 * 60, '2025-10-26T08:00+01:00'],
    ['Berlin 9–17 over the fall weekend', de(), '2025-10-24T16:00+02:00', 4 * 60, '2025-10-27T12:00+01:00'],
  ])('%s', (_, cal, start, minutes, expected) => {
    expect(utc(addWorkingTime(at(start), minutes * MINUTE_MS, cal))).toBe(utc(at(expected)));
  });

  it.each([
    ['NY spring night', ny(NIGHTS), '2025-03-09T00:00-05:00', '2025-03-10T00:00-04:00', 7],
    ['NY fall night', ny(NIGHTS), '2025-11-02T00:00-04:00', '2025-11-03T00:00-05:00', 9],
    [
      'NY gap interval 02:30–04:00',
      ny(everyDay({ start: '02:30', end: '04:00' })),
      '2025-03-09T00:00-05:00',
      '2025-03-10T00:00-04:00',
      1,
    ],
    [
      'NY interval inside the gap',
      ny(everyDay({ start: '02:00', end: '02:45' })),
      '2025-03-09T00:00-05:00',
      '2025-03-10T00:00-04:00',
      0,
    ],
    [
      'NY 01:30–03:00 on fall day',
      ny(everyDay({ start: '01:30', end: '03:00' })),
      '2025-11-02T00:00-04:00',
      '2025-11-03T00:00-05:00',
      2.5,
    ],
    ['Berlin spring night', de(NIGHTS), '2025-03-30T00:00+01:00', '2025-03-31T00:00+02:00', 7],
    ['Berlin fall night', de(NIGHTS), '2025-10-26T00:00+02:00', '2025-10-27T00:00+01:00', 9],
    ['Berlin 9–17 on the fall Monday', de(), '2025-10-27T00:00+01:00', '2025-10-28T00:00+01:00', 8],
  ])('%s: working time of the day', (_, cal, from, to, hours) => {
    expect(workingTimeBetween(at(from), at(to), cal)).toBe(hours * HOUR_MS);
  });
});
