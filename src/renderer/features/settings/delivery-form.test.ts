import { describe, expect, it } from 'vitest';
import { DEFAULT_DELIVERY_POLICY } from '../../../shared/delivery';
import { addAlias, addVip, formToPolicy, nextSummaryTime, policyToForm, samePolicy } from './delivery-form';

describe('delivery form', () => {
  it('round-trips a policy', () => {
    const policy = { ...DEFAULT_DELIVERY_POLICY, vips: ['Ana', '@bo'], afterHoursHold: true };
    expect(formToPolicy(policyToForm(policy))).toEqual({ ok: true, policy });
    expect(samePolicy(policyToForm(policy), policy)).toBe(true);
  });

  it('sorts summary times and drops repeats, as the core would', () => {
    const form = { ...policyToForm(DEFAULT_DELIVERY_POLICY), summaryTimes: ['16:00', '10:00', '16:00'] };
    const result = formToPolicy(form);
    expect(result.ok && result.policy.summaryTimes).toEqual(['10:00', '16:00']);
    expect(samePolicy(form, DEFAULT_DELIVERY_POLICY)).toBe(false);
  });

  it('puts each problem next to its field, in words', () => {
    const form = {
      ...policyToForm(DEFAULT_DELIVERY_POLICY),
      summaryTimes: ['10:00', ''],
      intervalMinutes: '2',
      marginMinutes: '',
      repeatCount: '2.5',
      repeatWithinMinutes: '0',
    };
    const result = formToPolicy(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.times).toEqual({ 1: 'Enter a time, or remove this row.' });
    expect(result.errors.fields).toEqual({
      intervalMinutes: 'The interval must be a whole number of minutes from 5 to 1440.',
      marginMinutes: 'The margin must be a whole number of minutes from 0 to 1440.',
      repeatCount: 'The number of updates must be a whole number from 2 to 100.',
      repeatWithinMinutes: 'The time span must be a whole number of minutes from 1 to 1440.',
    });
  });

  it('ignores unfinished summary rows outside summary mode', () => {
    const form = {
      ...policyToForm(DEFAULT_DELIVERY_POLICY),
      mode: 'interval' as const,
      summaryTimes: ['10:00', ''],
    };
    const result = formToPolicy(form);
    expect(result.ok && result.policy).toMatchObject({ mode: 'interval', summaryTimes: ['10:00'] });
  });

  it('adds VIPs once, whatever the case', () => {
    expect(addVip(['Ana'], '  @bo ')).toEqual({ vips: ['Ana', '@bo'] });
    expect(addVip(['Ana'], 'ana')).toEqual({ error: 'ana is already on the list.' });
    expect(addVip([], '   ')).toEqual({ error: 'Enter a name or a handle.' });
  });

  it('round-trips reminders and people, and checks the reminder time only while reminders are on', () => {
    const policy = {
      ...DEFAULT_DELIVERY_POLICY,
      atRiskMinutes: 45,
      aliases: [['ana@example.com', '@ana']],
    };
    expect(formToPolicy(policyToForm(policy))).toEqual({ ok: true, policy });
    const on = { ...policyToForm(policy), atRiskMinutes: '2' };
    const refused = formToPolicy(on);
    expect(!refused.ok && refused.errors.fields.atRiskMinutes).toBe(
      'The reminder time must be a whole number of minutes from 5 to 1440.',
    );
    const off = formToPolicy({ ...on, atRiskReminders: false });
    expect(off.ok && off.policy).toMatchObject({ atRiskReminders: false, atRiskMinutes: 30 });
  });

  it('adds one person’s handles, comma-separated, or says why not', () => {
    expect(addAlias([], ' ana@example.com , @ana ')).toEqual({ aliases: [['ana@example.com', '@ana']] });
    expect(addAlias([], '@ana')).toEqual({
      error: 'Add at least one more handle or address for this person.',
    });
    expect(addAlias([], ' , ')).toEqual({
      error: 'Enter two or more handles or email addresses, separated by commas.',
    });
    expect(addAlias([['ana@example.com', '@ana']], 'Ana@Example.com, ana.k')).toEqual({
      error: 'Ana@Example.com already belongs to someone on the list.',
    });
    expect(addAlias([], '@bo, bo')).toEqual({ error: 'A handle is listed twice.' });
  });

  it('offers the hour after the last summary for a new row', () => {
    expect(nextSummaryTime(['10:00', '13:30'])).toBe('14:30');
    expect(nextSummaryTime([])).toBe('10:00');
    expect(nextSummaryTime(['23:15'])).toBe('23:15');
  });
});
