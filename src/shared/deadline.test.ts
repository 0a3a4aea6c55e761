import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel, type Charter, DEFAULT_CHARTER, HOUR_MS, type Priority } from './channels';
import { computeDeadline } from './deadline';
import { DEFAULT_WORKING_HOURS, type WorkingCalendar } from './working-time';

const AT = Date.UTC(2025, 0, 6, 9, 0);

describe('computeDeadline', () => {
  it.each<[string, Channel, Priority, number | undefined, number]>([
    ['chat, normal: 4 h', 'chat', 'normal', undefined, AT + 4 * HOUR_MS],
    ['chat, low: 4 h', 'chat', 'low', undefined, AT + 4 * HOUR_MS],
    ['email: 24 h', 'email', 'normal', undefined, AT + 24 * HOUR_MS],
    ['doc: 24 h', 'doc', 'normal', undefined, AT + 24 * HOUR_MS],
    ['video: 12 h', 'video', 'normal', undefined, AT + 12 * HOUR_MS],
    ['review: 8 h', 'review', 'normal', undefined, AT + 8 * HOUR_MS],
    ['task: 24 h', 'task', 'normal', undefined, AT + 24 * HOUR_MS],
    ['meeting: 24 h', 'meeting', 'normal', undefined, AT + 24 * HOUR_MS],
    ['other: 24 h', 'other', 'normal', undefined, AT + 24 * HOUR_MS],
    ['urgent: due on arrival', 'email', 'urgent', undefined, AT],
    ['explicit deadline wins', 'chat', 'normal', AT + 90_000, AT + 90_000],
    ['explicit deadline wins over urgent', 'chat', 'urgent', AT + 90_000, AT + 90_000],
    ['explicit deadline in the past is kept', 'chat', 'normal', AT - HOUR_MS, AT - HOUR_MS],
    ['explicit deadline of 0 is kept, not ignored', 'chat', 'normal', 0, 0],
  ])('%s', (_label, channel, priority, explicitDeadline, expected) => {
    expect(computeDeadline({ receivedAt: AT, channel, priority, explicitDeadline }, DEFAULT_CHARTER)).toBe(
      expected,
    );
  });

  it('follows the charter it is given, not the default', () => {
    const charter: Charter = { ...DEFAULT_CHARTER, chat: { hours: 0.5, clock: 'clock' } };
    expect(computeDeadline({ receivedAt: AT, channel: 'chat', priority: 'normal' }, charter)).toBe(
      AT + HOUR_MS / 2,
    );
  });

  it('is never before arrival without an explicit deadline, and moves with it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4e12 }),
        fc.constantFrom(...CHANNELS),
        fc.constantFrom<Priority>('urgent', 'normal', 'low'),
        fc.integer({ min: 1, max: 1e9 }),
        (receivedAt, channel, priority, shift) => {
          const a = computeDeadline({ receivedAt, channel, priority }, DEFAULT_CHARTER);
          const b = computeDeadline({ receivedAt: receivedAt + shift, channel, priority }, DEFAULT_CHARTER);
          expect(a).toBeGreaterThanOrEqual(receivedAt);
          expect(b - a).toBe(shift);
        },
      ),
    );
  });
});

describe('computeDeadline with a working calendar', () => {
  const at = (iso: string) => Date.parse(iso);
  const utc = (ms: number) => new Date(ms).toISOString();
  const berlin: WorkingCalendar = {
    zone: 'Europe/Berlin',
    hours: DEFAULT_WORKING_HOURS,
    holidays: ['2025-06-09'],
  };
  const noHours: WorkingCalendar = {
    ...berlin,
    hours: { ...DEFAULT_WORKING_HOURS, 1: [], 2: [], 3: [], 4: [], 5: [] },
  };
  const clockChat: Charter = { ...DEFAULT_CHARTER, chat: { hours: 4, clock: 'clock' } };
  const FRIDAY_16 = '2025-06-06T16:00+02:00';

  it.each<[string, Channel, Priority, number | undefined, Charter, WorkingCalendar, string]>([
    [
      'working chat window skips the weekend and the Monday holiday',
      'chat',
      'normal',
      undefined,
      DEFAULT_CHARTER,
      berlin,
      '2025-06-10T12:00+02:00',
    ],
    [
      'working email window: 24 working hours',
      'email',
      'low',
      undefined,
      DEFAULT_CHARTER,
      berlin,
      '2025-06-12T16:00+02:00',
    ],
    [
      'clock chat window ignores working hours',
      'chat',
      'normal',
      undefined,
      clockChat,
      berlin,
      '2025-06-06T20:00+02:00',
    ],
    [
      'explicit deadline wins',
      'chat',
      'normal',
      at('2025-06-20T10:00Z'),
      DEFAULT_CHARTER,
      berlin,
      '2025-06-20T10:00Z',
    ],
    ['urgent is due on arrival', 'chat', 'urgent', undefined, DEFAULT_CHARTER, berlin, FRIDAY_16],
    [
      'no working time at all: clock hours',
      'chat',
      'normal',
      undefined,
      DEFAULT_CHARTER,
      noHours,
      '2025-06-06T20:00+02:00',
    ],
  ])('%s', (_label, channel, priority, explicitDeadline, charter, calendar, expected) => {
    const input = { receivedAt: at(FRIDAY_16), channel, priority, explicitDeadline };
    expect(utc(computeDeadline(input, charter, calendar))).toBe(utc(at(expected)));
  });
});
