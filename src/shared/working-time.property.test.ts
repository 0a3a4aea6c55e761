import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR_MS } from './channels';
import {
  addWorkingTimeOrNull,
  isWorkingTime,
  nextWorkingStart,
  type WorkingCalendar,
  type WorkingInterval,
  workingCalendarSchema,
  workingTimeBetween,
} from './working-time';

const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'America/Santiago',
];
const DAY_MS = 86_400_000;
// 2025–2026 spans every kind of DST transition in these zones.
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2027, 0, 1);

const quarter = (q: number) =>
  `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
/** Up to three non-overlapping intervals on quarter hours, 00:00…24:00, often touching DST gaps. */
const dayArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 })
  .map((marks): WorkingInterval[] => {
    const sorted = [...marks].sort((a, b) => a - b);
    const day: WorkingInterval[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2)
      day.push({ start: quarter(sorted[i]!), end: quarter(sorted[i + 1]!) });
    return day;
  });
const calendarArb: fc.Arbitrary<WorkingCalendar> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    days: fc.tuple(dayArb, dayArb, dayArb, dayArb, dayArb, dayArb, dayArb),
    holidays: fc.array(fc.integer({ min: FROM, max: TO }), { maxLength: 20 }),
  })
  .map(({ zone, days: [mo, tu, we, th, fr, sa, su], holidays }) => ({
    zone,
    hours: { 1: mo, 2: tu, 3: we, 4: th, 5: fr, 6: sa, 7: su },
    holidays: holidays.map((at) => new Date(at).toISOString().slice(0, 10)),
  }))
  .filter((calendar) => workingCalendarSchema.safeParse(calendar).success);

const startArb = fc.integer({ min: FROM, max: TO - 60 * DAY_MS });
const durationArb = fc.oneof(
  fc.integer({ min: 0, max: 4 * HOUR_MS }),
  fc.integer({ min: 0, max: 200 * HOUR_MS }),
);

describe('working-time properties', () => {
  it('addWorkingTimeOrNull adds exactly the duration, never earlier than the start, ending in working time', () => {
    fc.assert(
      fc.property(calendarArb, startArb, durationArb, (calendar, startAt, durationMs) => {
        const dueAt = addWorkingTimeOrNull(startAt, durationMs, calendar);
        if (dueAt === null) {
          // Only when the calendar really lacks that much working time within the search horizon.
          expect(workingTimeBetween(startAt, startAt + 1098 * 24 * HOUR_MS, calendar)).toBeLessThan(
            durationMs,
          );
          return;
        }
        expect(dueAt).toBeGreaterThanOrEqual(startAt);
        expect(workingTimeBetween(startAt, dueAt, calendar)).toBe(durationMs);
        // Inside working time, or exactly at the end of an interval (its last millisecond is working).
        if (durationMs === 0) expect(isWorkingTime(dueAt, calendar)).toBe(true);
        else expect(isWorkingTime(dueAt - 1, calendar)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('isWorkingTime agrees with workingTimeBetween, and nothing works before the next start', () => {
    fc.assert(
      fc.property(calendarArb, startArb, (calendar, at) => {
        expect(workingTimeBetween(at, at + 1, calendar)).toBe(isWorkingTime(at, calendar) ? 1 : 0);
        const startAt = nextWorkingStart(at, calendar);
        expect(startAt).toBeGreaterThanOrEqual(at);
        expect(isWorkingTime(startAt, calendar)).toBe(true);
        expect(isWorkingTime(startAt - 1, calendar)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('working time is additive over a split point', () => {
    fc.assert(
      fc.property(calendarArb, startArb, fc.nat(20 * DAY_MS), fc.nat(20 * DAY_MS), (calendar, a, x, y) => {
        const [b, c] = [a + Math.min(x, y), a + Math.max(x, y)];
        const whole = workingTimeBetween(a, c, calendar);
        expect(workingTimeBetween(a, b, calendar) + workingTimeBetween(b, c, calendar)).toBe(whole);
      }),
      { numRuns: 200 },
    );
  });
});
