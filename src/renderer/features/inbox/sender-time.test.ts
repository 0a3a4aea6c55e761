import { describe, expect, it } from 'vitest';
import { senderLocalTime } from './sender-time';

describe('senderLocalTime', () => {
  it.each([
    // Wed 18 Nov 2026 10:00 UTC.
    [Date.UTC(2026, 10, 18, 10), 'Europe/Berlin', 'Asia/Tokyo', '19:00 (Asia/Tokyo, 8 h ahead of you)'],
    [Date.UTC(2026, 10, 18, 10), 'Europe/Berlin', 'Europe/Lisbon', '10:00 (Europe/Lisbon, 1 h behind you)'],
    [Date.UTC(2026, 10, 18, 10), 'Europe/Berlin', 'Europe/Paris', '11:00 (Europe/Paris, same time as you)'],
    // Late evening in Berlin is already tomorrow in Tokyo: the weekday says so.
    [Date.UTC(2026, 10, 18, 22), 'Europe/Berlin', 'Asia/Tokyo', '07:00 Thu (Asia/Tokyo, 8 h ahead of you)'],
    // Half-hour zones, and DST: New York is 6 h behind Berlin in summer, but 5 h in the week between.
    [Date.UTC(2026, 10, 18, 10), 'Europe/Berlin', 'Asia/Kolkata', '15:30 (Asia/Kolkata, 4.5 h ahead of you)'],
    [
      Date.UTC(2026, 2, 20, 12),
      'Europe/Berlin',
      'America/New_York',
      '08:00 (America/New_York, 5 h behind you)',
    ],
    [
      Date.UTC(2026, 5, 20, 12),
      'Europe/Berlin',
      'America/New_York',
      '08:00 (America/New_York, 6 h behind you)',
    ],
  ])('at %i, seen from %s, in %s: %s', (now, zone, theirs, expected) => {
    expect(senderLocalTime(theirs, { now, zone })).toBe(expected);
  });
});
