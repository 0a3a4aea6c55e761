import { describe, expect, it } from 'vitest';
import { DEFAULT_CHARTER } from '../../../shared/channels';
import { defaultSettings } from '../../../shared/settings-schema';
import {
  type CharterFormState,
  charterToForm,
  formToCharter,
  MAX_WINDOW_HOURS,
  MIN_WINDOW_HOURS,
  parseHours,
  recomputedText,
  sameCharter,
} from './charter-form';

const withChat = (hours: string, clock: 'working' | 'clock' = 'working'): CharterFormState => ({
  ...charterToForm(DEFAULT_CHARTER),
  chat: { hours, clock },
});

describe('charter form', () => {
  it('round-trips the default charter', () => {
    const result = formToCharter(charterToForm(defaultSettings().charter));
    expect(result).toEqual({ ok: true, charter: DEFAULT_CHARTER });
  });

  it("takes its bounds from the schema's", () => {
    expect([MIN_WINDOW_HOURS, MAX_WINDOW_HOURS]).toEqual([0.25, 720]);
  });

  it.each([
    ['4', 4],
    [' 1.5 ', 1.5],
    ['1,5', 1.5],
    ['.5', 0.5],
    ['', Number.NaN],
    ['abc', Number.NaN],
    ['1e3', Number.NaN],
    ['-2', Number.NaN],
    ['4 h', Number.NaN],
  ])('reads hours %j as %d', (text, hours) => {
    expect(parseHours(text)).toBe(hours);
  });

  it.each([
    ['0.25', 'clock', true],
    ['720', 'working', true],
    ['6', 'clock', true],
    ['0.2', 'working', false],
    ['721', 'working', false],
    ['0', 'working', false],
    ['', 'working', false],
    ['soon', 'working', false],
  ] as const)('chat %j (%s) is valid: %s', (hours, clock, valid) => {
    const result = formToCharter(withChat(hours, clock));
    expect(result.ok).toBe(valid);
    if (result.ok) expect(result.charter.chat).toEqual({ hours: Number(hours), clock });
    else expect(Object.keys(result.errors)).toEqual(['chat']);
  });

  it.each([
    ['', 'Enter how many hours chat may wait for a reply.'],
    ['0.1', 'Chat: enter a number of hours from 0.25 to 720 (30 days).'],
    ['lots', 'Chat: enter a number of hours from 0.25 to 720 (30 days).'],
  ])('says what is wrong with %j in words', (hours, message) => {
    expect(formToCharter(withChat(hours))).toEqual({ ok: false, errors: { chat: message } });
  });

  it('names every invalid channel', () => {
    const form = { ...withChat(''), review: { hours: '9999', clock: 'clock' as const } };
    const result = formToCharter(form);
    expect(result.ok ? [] : Object.keys(result.errors)).toEqual(['chat', 'review']);
  });

  it.each([
    [withChat('4'), true],
    [withChat('4.0'), true],
    [withChat('4', 'clock'), false],
    [withChat('5'), false],
    [withChat(''), false],
  ])('compares a form with the saved charter (%#)', (form, same) => {
    expect(sameCharter(form, DEFAULT_CHARTER)).toBe(same);
  });

  it.each([
    [0, 'Saved · no open items needed re-timing'],
    [1, 'Saved · 1 open item re-timed'],
    [12, 'Saved · 12 open items re-timed'],
  ])('a save that re-timed %d items says so', (recomputed, text) => {
    expect(recomputedText(recomputed)).toBe(text);
  });
});
