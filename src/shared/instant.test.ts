import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { epochMsSchema, INSTANT_RANGE_MESSAGE, instantSchema, MAX_INSTANT, MIN_INSTANT } from './instant';
import { updateInputSchema } from './schemas';

describe('instants in the years 2000 to 2200', () => {
  it.each<[string | number, number]>([
    [MIN_INSTANT, MIN_INSTANT],
    [MAX_INSTANT, MAX_INSTANT],
    ['2000-01-01T00:00:00Z', MIN_INSTANT],
    ['2200-12-31T23:59:59.999Z', MAX_INSTANT],
    ['2000-01-01T01:00:00+01:00', MIN_INSTANT],
  ])('takes %s', (value, expected) => {
    expect(instantSchema.parse(value)).toBe(expected);
  });

  it.each<string | number>([
    MIN_INSTANT - 1,
    MAX_INSTANT + 1,
    0,
    8_640_000_000_000_000,
    8_639_000_000_000_000,
    '1999-12-31T23:59:59.999Z',
    '2201-01-01T00:00:00Z',
    '9999-12-31T23:59:59Z',
    // In 2000 as written, in 1999 once the offset is applied.
    '2000-01-01T00:30:00+01:00',
  ])('refuses %s, saying the range', (value) => {
    const result = instantSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([INSTANT_RANGE_MESSAGE]);
  });

  it('names the field of an update', () => {
    const result = updateInputSchema.safeParse({
      source: 's',
      externalId: 'e',
      title: 't',
      deadline: 8.64e15,
    });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['deadline', INSTANT_RANGE_MESSAGE],
    ]);
  });

  it('bounds the renderer’s snooze and deadline times the same way', () => {
    const setDeadline = contract.commands['inbox:set-deadline'].input;
    expect(setDeadline.safeParse({ id: 'a/b', deadline: 8.64e15 }).success).toBe(false);
    expect(setDeadline.safeParse({ id: 'a/b', deadline: MAX_INSTANT }).success).toBe(true);
    expect(setDeadline.safeParse({ id: 'a/b', deadline: null }).success).toBe(true);
    expect(setDeadline.safeParse({ id: '\ud800', deadline: null }).success).toBe(false);
    const setState = contract.commands['inbox:set-state'].input;
    expect(setState.safeParse({ ids: ['a/b'], state: 'snoozed', snoozeUntil: 8.64e15 }).success).toBe(false);
    expect(setState.safeParse({ ids: ['a/b'], state: 'snoozed', snoozeUntil: MIN_INSTANT }).success).toBe(
      true,
    );
    expect(setState.safeParse({ ids: ['x\udc00'], state: 'done' }).success).toBe(false);
    expect(epochMsSchema.safeParse(1.5).success).toBe(false);
  });
});
