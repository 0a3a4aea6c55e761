import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  calendarDaysBetween,
  dueBoundaries,
  dueGroup,
  dueState,
  formatCountdown,
  formatDue,
  formatFocusLabel,
  formatInstant,
  formatRange,
  formatSpan,
} from './due-format';

const zone = 'Europe/Berlin';
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
/** Tuesday 2026-03-10 11:00 in Berlin. */
const now = at('2026-03-10T11:00');
const ctx = { now, zone, locale: 'en-GB' };

describe('formatSpan', () => {
  it('rounds to minutes, hours, then days', () => {
    expect(formatSpan(10_000)).toBe('1 min');
    expect(formatSpan(45 * 60_000)).toBe('45 min');
    expect(formatSpan(59.6 * 60_000)).toBe('1 h');
    expect(formatSpan(3 * 3_600_000)).toBe('3 h');
    expect(formatSpan(2 * 3_600_000 + 59 * 60_000)).toBe('3 h');
    expect(formatSpan(47 * 3_600_000)).toBe('47 h');
    expect(formatSpan(72 * 3_600_000)).toBe('3 d');
    expect(formatSpan(-2 * 3_600_000)).toBe('2 h');
  });
});

describe('formatDue', () => {
  it('reads upcoming deadlines with the local clock time', () => {
    expect(formatDue(at('2026-03-10T14:00'), ctx).text).toBe('due in 3 h · 14:00');
    expect(formatDue(at('2026-03-10T11:25'), ctx).text).toBe('due in 25 min · 11:25');
  });

  it('reads overdue deadlines', () => {
    const due = formatDue(at('2026-03-10T09:00'), ctx);
    expect(due.relative).toBe('overdue by 2 h');
    expect(due.overdue).toBe(true);
    expect(due.text).toBe('overdue by 2 h · 09:00');
  });

  it.each([
    ['2026-03-10T14:00', false, false],
    ['2026-03-10T13:01', false, false],
    ['2026-03-10T12:59', false, true],
    ['2026-03-10T11:25', false, true],
    ['2026-03-10T09:00', true, false],
  ])('due %s: overdue %s, at risk %s (due within 2 h)', (deadline, overdue, atRisk) => {
    const due = formatDue(at(deadline), ctx);
    expect([due.overdue, due.atRisk]).toEqual([overdue, atRisk]);
    expect(dueState(due)).toBe(overdue ? 'overdue' : atRisk ? 'at-risk' : undefined);
  });

  it('says "due now" within a minute either side', () => {
    expect(formatDue(now + 20_000, ctx).relative).toBe('due now');
    expect(formatDue(now - 20_000, ctx).relative).toBe('due now');
  });

  it('adds the weekday, then the date, as deadlines move away', () => {
    expect(formatDue(at('2026-03-11T09:00'), ctx).text).toBe('due in 22 h · Wed 09:00');
    expect(formatInstant(at('2026-03-20T09:30'), ctx)).toBe('20 Mar, 09:30');
    expect(formatInstant(at('2027-01-02T09:30'), ctx)).toBe('2 Jan 2027, 09:30');
  });

  it('uses a 24-hour clock whatever the locale', () => {
    const us = { now, zone, locale: 'en-US' };
    expect(formatDue(at('2026-03-10T14:00'), us).text).toBe('due in 3 h · 14:00');
    expect(formatInstant(at('2026-03-11T09:05'), us)).toBe('Wed 09:05');
  });

  it('uses the zone it is given, not the process zone', () => {
    const tokyo = { now, zone: 'Asia/Tokyo', locale: 'en-GB' };
    // 14:00 in Berlin is 22:00 in Tokyo on the same day.
    expect(formatDue(at('2026-03-10T14:00'), tokyo).text).toBe('due in 3 h · 22:00');
  });
});

describe('dueGroup', () => {
  it('puts past deadlines in Overdue and splits the rest by calendar day in the zone', () => {
    expect(dueGroup(now - 1, ctx)).toBe('overdue');
    expect(dueGroup(at('2026-03-10T23:59'), ctx)).toBe('today');
    expect(dueGroup(at('2026-03-11T00:00'), ctx)).toBe('tomorrow');
    expect(dueGroup(at('2026-03-11T23:59'), ctx)).toBe('tomorrow');
    // Tuesday 10 March: Thursday to Sunday are this week, Monday 16 March is Later.
    expect(dueGroup(at('2026-03-12T00:00'), ctx)).toBe('week');
    expect(dueGroup(at('2026-03-15T23:59'), ctx)).toBe('week');
    expect(dueGroup(at('2026-03-16T00:00'), ctx)).toBe('later');
  });

  it('has no This week on a Saturday: Sunday is tomorrow, Monday is next week', () => {
    const saturday = { now: at('2026-03-14T10:00'), zone };
    expect(dueGroup(at('2026-03-15T10:00'), saturday)).toBe('tomorrow');
    expect(dueGroup(at('2026-03-16T10:00'), saturday)).toBe('later');
  });

  it('counts calendar days across a DST change', () => {
    const beforeSpringForward = at('2026-03-28T12:00');
    expect(calendarDaysBetween(beforeSpringForward, at('2026-03-29T23:30'), zone)).toBe(1);
    expect(calendarDaysBetween(beforeSpringForward, at('2026-03-30T00:30'), zone)).toBe(2);
  });
});

describe('formatFocusLabel', () => {
  it('names the state and when a timed focus ends', () => {
    expect(formatFocusLabel({ active: false, until: null }, ctx)).toBe('Focus off');
    expect(formatFocusLabel({ active: true, until: null }, ctx)).toBe('Focus on');
    expect(formatFocusLabel({ active: true, until: at('2026-03-10T11:25') }, ctx)).toBe(
      'Focus on · until 11:25',
    );
  });

  it('names the running block and the skipped one', () => {
    const until = at('2026-03-10T12:00');
    expect(formatFocusLabel({ active: true, until, cause: 'schedule', ruleName: 'Deep work' }, ctx)).toBe(
      'Focus on · Deep work until 12:00',
    );
    expect(
      formatFocusLabel({ active: true, until: null, cause: 'schedule', ruleName: 'Deep work' }, ctx),
    ).toBe('Focus on · Deep work');
    // A manual session does not borrow a rule's name.
    expect(formatFocusLabel({ active: true, until, cause: 'manual', ruleName: 'Deep work' }, ctx)).toBe(
      'Focus on · until 12:00',
    );
    const skipping = { active: false, until: null, cause: null, ruleName: null, skipping: true };
    expect(formatFocusLabel(skipping, ctx, 'Deep work')).toBe('Skipping Deep work');
    expect(formatFocusLabel(skipping, ctx)).toBe('Skipping this block');
    expect(formatFocusLabel({ ...skipping, skipping: false }, ctx, 'Deep work')).toBe('Focus off');
  });

  it('says more where there is room: the skip’s end, the next block, the menu bar’s short form', () => {
    const skipping = { active: false, until: null, skipping: true };
    expect(formatFocusLabel(skipping, ctx, 'Deep work', { skipUntil: at('2026-03-10T12:00') })).toBe(
      'Skipping Deep work until 12:00',
    );
    const off = {
      active: false,
      until: null,
      nextBlock: { start: at('2026-03-13T09:00'), name: 'Deep work' },
    };
    expect(formatFocusLabel(off, ctx)).toBe('Focus off');
    expect(formatFocusLabel(off, ctx, null, { nextBlock: 'time' })).toBe('Focus off · next block Fri 09:00');
    expect(formatFocusLabel(off, ctx, null, { nextBlock: 'named' })).toBe(
      'Focus off · next block Fri 09:00 (Deep work)',
    );
    const block = {
      active: true,
      until: at('2026-03-10T12:00'),
      cause: 'schedule',
      ruleName: 'Deep work',
    } as const;
    expect(formatFocusLabel(block, ctx, null, { short: true })).toBe('Focus until 12:00');
    expect(formatFocusLabel({ active: true, until: null }, ctx, null, { short: true })).toBe('Focus on');
  });

  it('reads an unknown zone as UTC rather than "Invalid DateTime"', () => {
    const lost = { ...ctx, zone: 'Not/AZone' };
    expect(formatInstant(Date.UTC(2026, 2, 10, 9, 30), lost)).toBe('09:30');
    expect(calendarDaysBetween(now, now + 86_400_000, 'Not/AZone')).toBe(1);
  });
});

describe('formatCountdown', () => {
  it('reads like a clock face under a day and in days and hours beyond', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-5_000)).toBe('0:00');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(42 * 60_000 + 7_000)).toBe('42:07');
    expect(formatCountdown(3_600_000)).toBe('1:00:00');
    expect(formatCountdown(3_909_000)).toBe('1:05:09');
    expect(formatCountdown(26 * 3_600_000)).toBe('1 d 2 h');
    expect(formatCountdown(48 * 3_600_000)).toBe('2 d');
  });
});

describe('formatRange', () => {
  it("names the end's day only when it is not the start's", () => {
    expect(formatRange(at('2026-03-10T11:00'), at('2026-03-10T13:00'), ctx)).toBe('11:00–13:00');
    expect(formatRange(at('2026-03-11T09:00'), at('2026-03-11T11:00'), ctx)).toBe('Wed 09:00–11:00');
    expect(formatRange(at('2026-03-10T22:00'), at('2026-03-11T02:00'), ctx)).toBe('22:00–Wed 02:00');
  });
});

describe('dueBoundaries', () => {
  it('cuts the groups exactly where dueGroup does, in any zone and week day', () => {
    const groupAt = (deadline: number, ctx: { now: number; zone: string }) => {
      const b = dueBoundaries(ctx);
      if (deadline < b.now) return 'overdue';
      if (deadline < b.endOfToday) return 'today';
      if (deadline < b.endOfTomorrow) return 'tomorrow';
      if (deadline < b.endOfWeek) return 'week';
      return 'later';
    };
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
        fc.integer({ min: -3 * 86_400_000, max: 14 * 86_400_000 }),
        fc.constantFrom(
          'Europe/Berlin',
          'America/New_York',
          'Australia/Lord_Howe',
          'Pacific/Kiritimati',
          'UTC',
        ),
        (now, offset, zone) => {
          const ctx = { now, zone };
          expect(groupAt(now + offset, ctx)).toBe(dueGroup(now + offset, ctx));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
