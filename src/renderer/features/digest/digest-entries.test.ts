import { describe, expect, it } from 'vitest';
import type { HeldItem } from '../../../shared/digest-schemas';
import type { StoredItem } from '../../db/lull-db';
import { mergeEntries } from './digest-entries';

const held = (id: string, deadline: number): HeldItem => ({
  id,
  title: `Held ${id}`,
  channel: 'chat',
  deadline,
  heldAt: 1,
});

const stored = (id: string, deadline: number, status: StoredItem['status'] = 'open'): StoredItem => ({
  id,
  source: 'e2e',
  externalId: id,
  channel: 'email',
  title: `Stored ${id}`,
  receivedAt: 1,
  deadline,
  deadlineExplicit: false,
  priority: 'normal',
  ingestedAt: 1,
  route: { action: 'hold', reason: 'focus', text: 'held during focus' },
  status,
});

describe('mergeEntries', () => {
  it('prefers the inbox row, falls back to the held copy, and leaves out what neither knows', () => {
    const entries = mergeEntries(
      ['a', 'b', 'gone'],
      [held('a', 30), held('b', 10)],
      [stored('a', 30, 'done'), undefined, undefined],
    );
    expect(entries.map((e) => [e.id, e.title, e.status])).toEqual([
      ['b', 'Held b', 'open'],
      ['a', 'Stored a', 'done'],
    ]);
    expect(entries[1]?.route?.text).toBe('held during focus');
  });

  it('orders by the latest deadline, ties in the digest order', () => {
    const entries = mergeEntries(['x', 'y', 'z'], [], [stored('x', 20), stored('y', 5), stored('z', 20)]);
    expect(entries.map((e) => e.id)).toEqual(['y', 'x', 'z']);
  });
});
