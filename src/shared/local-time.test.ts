import { describe, expect, it } from 'vitest';
import { parseLocalDate, resolveLocalTime, weekdayOf } from './local-time';

const utc = (at: number) => new Date(at).toISOString();

describe('resolveLocalTime', () => {
  it.each([
    // ordinary days, including half- and quarter-hour zones
    ['2025-06-06', '09:00', 'Europe/Berlin', '2025-06-06T07:00:00.000Z'],
    ['2025-06-06', '09:00', 'Asia/Kolkata', '2025-06-06T03:30:00.000Z'],
    ['2025-06-06', '16:00', 'Pacific/Chatham', '2025-06-06T03:15:00.000Z'],
    ['2025-06-06', '24:00', 'UTC', '2025-06-07T00:00:00.000Z'],
    // spring-forward gaps resolve to the gap's end (the transition instant)
    ['2025-03-09', '02:00', 'America/New_York', '2025-03-09T07:00:00.000Z'],
    ['2025-03-09', '02:30', 'America/New_York', '2025-03-09T07:00:00.000Z'],
    ['2025-03-09', '03:00', 'America/New_York', '2025-03-09T07:00:00.000Z'],
    ['2025-03-30', '02:30', 'Europe/Berlin', '2025-03-30T01:00:00.000Z'],
    ['2025-10-05', '02:15', 'Australia/Lord_Howe', '2025-10-04T15:30:00.000Z'],
    ['2025-09-28', '03:00', 'Pacific/Chatham', '2025-09-27T14:00:00.000Z'],
    ['2025-09-07', '00:00', 'America/Santiago', '2025-09-07T04:00:00.000Z'],
    ['2025-09-06', '24:00', 'America/Santiago', '2025-09-07T04:00:00.000Z'],
    // fall-back: a time that occurs twice resolves to the earlier instant
    ['2025-11-02', '01:00', 'America/New_York', '2025-11-02T05:00:00.000Z'],
    ['2025-11-02', '01:30', 'America/New_York', '2025-11-02T05:30:00.000Z'],
    ['2025-11-02', '02:00', 'America/New_York', '2025-11-02T07:00:00.000Z'],
    ['2025-10-26', '02:30', 'Europe/Berlin', '2025-10-26T00:30:00.000Z'],
    ['2025-04-06', '01:30', 'Australia/Lord_Howe', '2025-04-05T14:30:00.000Z'],
    ['2025-04-06', '01:45', 'Australia/Lord_Howe', '2025-04-05T14:45:00.000Z'],
    ['2025-04-06', '02:00', 'Australia/Lord_Howe', '2025-04-05T15:30:00.000Z'],
    ['2025-04-06', '03:00', 'Pacific/Chatham', '2025-04-05T13:15:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, expected) => {
    expect(utc(resolveLocalTime(date, time, zone))).toBe(expected);
  });

  it.each([
    ['2025-02-29', '09:00', 'UTC'],
    ['2025-13-01', '09:00', 'UTC'],
    ['2025-1-01', '09:00', 'UTC'],
    ['2025-06-06', '9:00', 'UTC'],
    ['2025-06-06', '24:30', 'UTC'],
    ['2025-06-06', '09:00', 'Mars/Olympus_Mons'],
  ])('rejects %s %s in %s', (date, time, zone) => {
    expect(() => resolveLocalTime(date, time, zone)).toThrow(RangeError);
  });
});

describe('local dates', () => {
  it.each([
    ['1970-01-01', 0, 4],
    ['2000-02-29', 11_016, 2],
    ['2025-06-09', 20_248, 1],
    ['1969-12-28', -4, 7],
  ])('%s is day %i, weekday %i', (date, day, weekday) => {
    expect(parseLocalDate(date)).toBe(day);
    expect(weekdayOf(day)).toBe(weekday);
  });
});
