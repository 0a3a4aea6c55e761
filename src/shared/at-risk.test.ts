import { describe, expect, it } from 'vitest';
import { reminderAt, reminderMayShow, reminderText } from './at-risk';
import { HOUR_MS, MINUTE_MS } from './channels';
import { DEFAULT_DELIVERY_POLICY } from './delivery';
import { DEFAULT_WORKING_HOURS, type WorkingCalendar } from './working-time';

const berlin: WorkingCalendar = { zone: 'Europe/Berlin', hours: DEFAULT_WORKING_HOURS, holidays: [] };
// Wednesday 18 November 2026, 14:00 in Berlin (13:00 UTC).
const WED_1400 = Date.UTC(2026, 10, 18, 13, 0);
const policy = DEFAULT_DELIVERY_POLICY;

describe('at-risk reminders', () => {
  it('are due the window before the deadline, moved to the working start when that is outside hours', () => {
    expect(reminderAt(WED_1400, policy, berlin)).toBe(WED_1400 - 30 * MINUTE_MS);
    // Due Thursday 09:15: 08:45 is before work, so at 09:00.
    const thu0915 = Date.UTC(2026, 10, 19, 8, 15);
    expect(reminderAt(thu0915, policy, berlin)).toBe(Date.UTC(2026, 10, 19, 8, 0));
    // Due Thursday 08:30: no working time is left before it.
    expect(reminderAt(Date.UTC(2026, 10, 19, 7, 30), policy, berlin)).toBeNull();
  });

  it('in focus follow the breakthrough rules', () => {
    const item = { deadline: WED_1400, priority: 'normal' as const };
    const now = WED_1400 - 30 * MINUTE_MS;
    expect(reminderMayShow(item, { active: false, until: null }, policy, now)).toEqual({
      show: true,
      breakThrough: false,
    });
    // Focus ends after deadline − margin: waiting would be too late.
    expect(reminderMayShow(item, { active: true, until: WED_1400 }, policy, now)).toEqual({
      show: true,
      breakThrough: true,
    });
    // Focus ends with the margin still left: the reminder waits for it.
    const longWindow = { ...policy, atRiskMinutes: 60 };
    expect(
      reminderMayShow(
        item,
        { active: true, until: WED_1400 - 40 * MINUTE_MS },
        longWindow,
        WED_1400 - HOUR_MS,
      ),
    ).toEqual({ show: false, retryAt: null });
    // Open-ended focus: until deadline − margin.
    expect(reminderMayShow(item, { active: true, until: null }, longWindow, WED_1400 - HOUR_MS)).toEqual({
      show: false,
      retryAt: WED_1400 - 30 * MINUTE_MS,
    });
    expect(
      reminderMayShow(
        { ...item, priority: 'urgent' },
        { active: true, until: null },
        policy,
        WED_1400 - HOUR_MS,
      ),
    ).toEqual({ show: true, breakThrough: true });
  });

  it('read as one sentence, grouped by the latest deadline', () => {
    expect(
      reminderText([{ title: 'Budget', deadline: WED_1400, sender: { name: 'Ana' } }], 'Europe/Berlin'),
    ).toEqual({ title: 'Reply due by 14:00', body: 'Budget · Ana', dueBy: WED_1400 });
    const many = ['A', 'B', 'C', 'D'].map((title, i) => ({ title, deadline: WED_1400 - i * MINUTE_MS }));
    expect(reminderText(many, 'Europe/Berlin')).toEqual({
      title: '4 replies due by 14:00',
      body: 'D · C · B and 1 more',
      dueBy: WED_1400,
    });
  });
});
