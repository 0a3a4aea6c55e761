import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS, type Channel, type Charter, DEFAULT_CHARTER, HOUR_MS, type Priority } from './channels';
import { computeDeadline } from './deadline';

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
