import { describe, expect, it } from 'vitest';
import type { FocusRule } from '../../../shared/focus-schedule';
import {
  describeRuleIssue,
  endsNextDay,
  formToRule,
  newRuleForm,
  newRuleId,
  removeRule,
  ruleToForm,
  setRuleEnabled,
  upsertRule,
} from './rule-form';

const deepWork: FocusRule = {
  id: 'rule-1',
  name: 'Deep work',
  kind: 'window',
  weekdays: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '11:00',
  zone: 'Europe/Berlin',
  enabled: true,
};

describe('rule form', () => {
  it('starts a new rule as weekday mornings in the user zone, with no name', () => {
    expect(newRuleForm('America/New_York')).toEqual({
      name: '',
      kind: 'window',
      weekdays: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '11:00',
      zone: 'America/New_York',
      enabled: true,
    });
  });

  it('round-trips a rule through the form', () => {
    expect(formToRule(ruleToForm(deepWork), deepWork.id)).toEqual({ ok: true, rule: deepWork });
  });

  it('trims the name and sorts the days, as the schema does', () => {
    const form = { ...ruleToForm(deepWork), name: '  Reading ', weekdays: [5, 1, 3] };
    const result = formToRule(form, 'rule-2');
    expect(result).toMatchObject({ ok: true, rule: { name: 'Reading', weekdays: [1, 3, 5] } });
  });

  it('puts the schema messages in sentences next to their fields', () => {
    const result = formToRule({ ...newRuleForm('UTC'), weekdays: [] }, 'rule-3');
    expect(result).toEqual({
      ok: false,
      errors: { name: 'This rule needs a name.', weekdays: 'This rule needs at least one day.' },
    });
  });

  it('refuses equal times and malformed ones, and zones that do not exist', () => {
    const form = ruleToForm(deepWork);
    expect(formToRule({ ...form, end: '09:00' }, 'r')).toEqual({
      ok: false,
      errors: { end: 'Start and end must differ (use an all-day rule for whole days).' },
    });
    expect(formToRule({ ...form, start: '' }, 'r')).toEqual({
      ok: false,
      errors: { start: 'The start must be a time like 09:00.' },
    });
    expect(formToRule({ ...form, zone: 'Mars/Olympus' }, 'r')).toEqual({
      ok: false,
      errors: { zone: 'The time zone must be an IANA time zone.' },
    });
  });

  it('keeps valid times on an all-day rule and fills in cleared ones', () => {
    const form = { ...ruleToForm(deepWork), kind: 'all-day' as const };
    expect(formToRule(form, 'r')).toMatchObject({ ok: true, rule: { start: '09:00', end: '11:00' } });
    expect(formToRule({ ...form, start: '', end: '' }, 'r')).toMatchObject({
      ok: true,
      rule: { kind: 'all-day', start: '00:00', end: '00:00' },
    });
  });

  it('says a window ending before it starts ends the next day', () => {
    expect(endsNextDay({ kind: 'window', start: '22:00', end: '02:00' })).toBe(true);
    expect(endsNextDay({ kind: 'window', start: '09:00', end: '11:00' })).toBe(false);
    // Equal times are an error, not an overnight rule; all-day rules have no end to speak of.
    expect(endsNextDay({ kind: 'window', start: '09:00', end: '09:00' })).toBe(false);
    expect(endsNextDay({ kind: 'all-day', start: '22:00', end: '02:00' })).toBe(false);
    expect(endsNextDay({ kind: 'window', start: '22:00', end: '' })).toBe(false);
  });

  it('words messages it does not know with the field name', () => {
    expect(describeRuleIssue('name', 'Too big: expected string to have <=80 characters')).toBe(
      'The name: Too big: expected string to have <=80 characters.',
    );
  });
});

describe('rule ids and list changes', () => {
  it('makes short ids from a UUID and skips taken ones', () => {
    const uuids = ['aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', '12345678-9abc-def0-1234-56789abcdef0'];
    const id = newRuleId(new Set(['rule-aaaaaaaabb']), () => uuids.shift()!);
    expect(id).toBe('rule-123456789a');
  });

  it('replaces in place, appends, removes and switches one rule', () => {
    const other = { ...deepWork, id: 'rule-2', name: 'Reading' };
    const renamed = { ...deepWork, name: 'Deep work (team)' };
    expect(upsertRule([deepWork, other], renamed)).toEqual([renamed, other]);
    expect(upsertRule([deepWork], other)).toEqual([deepWork, other]);
    expect(removeRule([deepWork, other], 'rule-1')).toEqual([other]);
    expect(setRuleEnabled([deepWork, other], 'rule-2', false)).toEqual([
      deepWork,
      { ...other, enabled: false },
    ]);
  });
});
