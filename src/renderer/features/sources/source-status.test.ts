import { describe, expect, it } from 'vitest';
import { type SourceSettings, type SourceStatus, sourceSettingsSchema } from '../../../shared/source-schemas';
import { describeSourceStatus, formatAgo, formatAt } from './source-status';

const ZONE = 'Europe/Lisbon';
// 2026-11-21 14:00 in Lisbon (UTC+0 in winter).
const NOW = Date.UTC(2026, 10, 21, 14, 0);
const MIN = 60_000;

const rss = sourceSettingsSchema.parse({
  id: 'rss-1',
  kind: 'rss',
  name: 'Handbook',
  options: { url: 'https://handbook.example.com/feed.xml' },
});
const imap = sourceSettingsSchema.parse({
  id: 'mail',
  kind: 'imap',
  name: 'Work mail',
  options: { host: 'imap.example.com', user: 'me@example.com', folders: ['INBOX', 'Team'] },
});

function status(patch: Partial<SourceStatus>): SourceStatus {
  return {
    id: 'rss-1',
    state: 'ok',
    lastSuccessAt: null,
    lastError: null,
    nextPollAt: null,
    watching: false,
    ...patch,
  };
}
const describe_ = (source: SourceSettings, patch: Partial<SourceStatus>) =>
  describeSourceStatus(source, status(patch), NOW, ZONE);

describe('source status in words', () => {
  it('says when it was checked and when it will be next', () => {
    expect(describe_(rss, { lastSuccessAt: NOW - 2 * MIN, nextPollAt: NOW + 5 * MIN })).toBe(
      'Checked 2 min ago · next check 14:05',
    );
    expect(describe_(rss, { lastSuccessAt: NOW - 10_000 })).toBe('Checked just now');
    expect(describe_(rss, {})).toBe('Not checked yet');
  });

  it('gives the error in words, paused and checking', () => {
    expect(
      describe_(rss, {
        state: 'error',
        lastError: 'The feed at https://x.example/feed is not valid XML',
        nextPollAt: NOW + 10 * MIN,
      }),
    ).toBe('Error: The feed at https://x.example/feed is not valid XML · next try 14:10');
    expect(describe_(rss, { state: 'error' })).toBe('Error: the last check failed');
    expect(describe_(rss, { state: 'paused', lastError: 'old' })).toBe('Paused');
    expect(describe_(rss, { state: 'checking' })).toBe('Checking now…');
  });

  it('says which folders an IMAP source watches with IDLE', () => {
    expect(describe_(imap, { watching: true, lastSuccessAt: NOW - 3 * MIN })).toBe(
      'Watching INBOX and Team (IDLE) · checked 3 min ago',
    );
    const one = sourceSettingsSchema.parse({ ...imap, options: { ...imap.options, folders: ['INBOX'] } });
    expect(describe_(one, { watching: true })).toBe('Watching INBOX (IDLE) · not checked yet');
  });

  it('formats times relative to now in the user zone', () => {
    expect(formatAgo(NOW - 90 * MIN, NOW, ZONE)).toBe('1 h ago');
    expect(formatAgo(NOW - 30 * 60 * MIN, NOW, ZONE)).toBe('on 20 Nov, 08:00');
    expect(formatAgo(NOW + MIN, NOW, ZONE)).toBe('just now');
    expect(formatAt(NOW + 11 * 60 * MIN, NOW, ZONE)).toBe('22 Nov, 01:00');
    expect(formatAt(NOW + 5 * MIN, NOW, 'America/New_York')).toBe('09:05');
  });
});
