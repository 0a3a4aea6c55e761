import { describe, expect, it } from 'vitest';
import { COMMON_ZONES, formatRuleTime, formatWeekdays, zoneOptions } from './rule-format';

describe('formatWeekdays', () => {
  it('joins runs of three or more days with a dash', () => {
    expect(formatWeekdays([1, 2, 3, 4, 5])).toBe('Mon–Fri');
    expect(formatWeekdays([1, 2, 3, 5])).toBe('Mon–Wed, Fri');
    expect(formatWeekdays([3])).toBe('Wed');
  });

  it('lists short runs and scattered days, in week order, once each', () => {
    expect(formatWeekdays([6, 7])).toBe('Sat, Sun');
    expect(formatWeekdays([7, 1, 3, 3])).toBe('Mon, Wed, Sun');
  });

  it('says every day for all seven', () => {
    expect(formatWeekdays([7, 6, 5, 4, 3, 2, 1])).toBe('Every day');
  });
});

describe('formatRuleTime', () => {
  it('reads windows, overnight windows and whole days', () => {
    expect(formatRuleTime({ kind: 'window', start: '09:00', end: '11:00' })).toBe('09:00–11:00');
    expect(formatRuleTime({ kind: 'window', start: '22:00', end: '02:00' })).toBe('22:00–02:00 (next day)');
    expect(formatRuleTime({ kind: 'all-day', start: '00:00', end: '00:00' })).toBe('All day');
  });
});

describe('zoneOptions', () => {
  it("puts the user's zone first and adds the rule's own zone", () => {
    const options = zoneOptions('Europe/Berlin', 'America/Bogota');
    expect(options[0]).toBe('Europe/Berlin');
    expect(options).toContain('America/Bogota');
    expect(options.filter((zone) => zone === 'Europe/Berlin')).toHaveLength(1);
    expect(options.slice(1)).toEqual([...options.slice(1)].sort((a, b) => a.localeCompare(b)));
    expect(zoneOptions('Asia/Kathmandu')).toHaveLength(COMMON_ZONES.length + 1);
  });
});
