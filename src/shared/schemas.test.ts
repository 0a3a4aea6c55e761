import { describe, expect, it } from 'vitest';
import {
  describeIssues,
  instantSchema,
  isSafeHttpUrl,
  MAX_BATCH,
  parseUpdatesBody,
  updateInputSchema,
} from './schemas';
import { defaultSettings, settingsSchema } from './settings-schema';

const minimal = { source: 'github', externalId: 'pr-42', title: 'Review my PR' };

function issuesOf(input: unknown) {
  const result = updateInputSchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return describeIssues(result.error);
}

describe('updateInputSchema', () => {
  it('accepts a minimal update and fills the defaults', () => {
    expect(updateInputSchema.parse(minimal)).toEqual({ ...minimal, channel: 'other', priority: 'normal' });
  });

  it('trims text fields', () => {
    expect(updateInputSchema.parse({ ...minimal, title: '  spaced  ' }).title).toBe('spaced');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.com/file',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    '//example.com/no-scheme',
    'not a url',
  ])('rejects the url %s', (url) => {
    expect(issuesOf({ ...minimal, url })).toEqual([
      { field: 'url', message: 'must be an http or https URL' },
    ]);
  });

  it.each(['https://example.com/a?b=c#d', 'http://127.0.0.1:8080/x'])('accepts the url %s', (url) => {
    expect(updateInputSchema.parse({ ...minimal, url }).url).toBe(url);
  });

  it('rejects unknown fields, naming them', () => {
    const issues = issuesOf({ ...minimal, html: '<b>hi</b>' });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain('html');
  });

  it('rejects a title over 500 characters and accepts exactly 500', () => {
    expect(issuesOf({ ...minimal, title: 'x'.repeat(501) }).map((i) => i.field)).toEqual(['title']);
    expect(updateInputSchema.parse({ ...minimal, title: 'x'.repeat(500) }).title).toHaveLength(500);
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title'],
    ['an unknown channel', { channel: 'fax' }, 'channel'],
    ['an unknown priority', { priority: 'asap' }, 'priority'],
    ['a source with spaces', { source: 'my source' }, 'source'],
    ['a sender without a name', { sender: { handle: '@a' } }, 'sender.name'],
  ])('rejects %s', (_label, patch, field) => {
    expect(issuesOf({ ...minimal, ...patch }).map((i) => i.field)).toContain(field);
  });

  it.each(['2025-03-01T10:00:00', '2025-03-01', '2025-03-01 10:00:00Z', 'yesterday'])(
    'rejects the instant %s (no zone, or not ISO 8601)',
    (receivedAt) => {
      expect(issuesOf({ ...minimal, receivedAt })).toEqual([
        { field: 'receivedAt', message: 'must be ISO 8601 with a time zone, or epoch milliseconds' },
      ]);
    },
  );

  it.each<[string | number, number]>([
    [1_741_000_000_000, 1_741_000_000_000],
    ['2025-03-01T10:00:00Z', Date.UTC(2025, 2, 1, 10, 0)],
    ['2025-03-01T10:00:00.250Z', Date.UTC(2025, 2, 1, 10, 0, 0, 250)],
    ['2025-03-01T10:00:00+05:30', Date.UTC(2025, 2, 1, 4, 30)],
    ['2025-03-01T01:00:00-08:00', Date.UTC(2025, 2, 1, 9, 0)],
  ])('converts the instant %s exactly', (value, expected) => {
    const parsed = updateInputSchema.parse({ ...minimal, receivedAt: value, deadline: value });
    expect(parsed.receivedAt).toBe(expected);
    expect(parsed.deadline).toBe(expected);
  });

  it.each([-1, 1.5, 9e15, Number.NaN])('rejects the epoch value %s', (value) => {
    expect(instantSchema.safeParse(value).success).toBe(false);
  });
});

describe('parseUpdatesBody', () => {
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ source: 's', externalId: String(i), title: `t${i}` }));

  it('accepts a single update as a batch of one', () => {
    const result = parseUpdatesBody(minimal);
    expect(result.success && result.data).toEqual([{ ...minimal, channel: 'other', priority: 'normal' }]);
  });

  it(`accepts { updates } up to ${MAX_BATCH}`, () => {
    const result = parseUpdatesBody({ updates: many(MAX_BATCH) });
    expect(result.success && result.data.length).toBe(MAX_BATCH);
  });

  it(`rejects ${MAX_BATCH + 1} updates with a message naming the limit`, () => {
    const result = parseUpdatesBody({ updates: many(MAX_BATCH + 1) });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeIssues(result.error)).toEqual([
      { field: 'updates', message: `at most ${MAX_BATCH} updates per request` },
    ]);
  });

  it('rejects an empty batch, and reports the failing update by index', () => {
    expect(parseUpdatesBody({ updates: [] }).success).toBe(false);
    const result = parseUpdatesBody({ updates: [minimal, { ...minimal, url: 'javascript:x' }] });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeIssues(result.error)).toEqual([
      { field: 'updates.1.url', message: 'must be an http or https URL' },
    ]);
  });

  it.each([null, [minimal], 'text', 42])('rejects the body %j and reports it as (body)', (body) => {
    const result = parseUpdatesBody(body);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(describeIssues(result.error).map((i) => i.field)).toEqual(['(body)']);
  });

  it('names each missing field', () => {
    const result = parseUpdatesBody({ source: 'x' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(
      describeIssues(result.error)
        .map((i) => i.field)
        .sort(),
    ).toEqual(['externalId', 'title']);
  });
});

describe('isSafeHttpUrl and settingsSchema', () => {
  it('is true only for http(s) without credentials', () => {
    expect(isSafeHttpUrl('https://example.com')).toBe(true);
    expect(isSafeHttpUrl('https://:secret@example.com')).toBe(false);
    expect(isSafeHttpUrl('mailto:a@example.com')).toBe(false);
  });

  it('refuses negative or absurd reply windows', () => {
    const settings = defaultSettings();
    const withHours = (hours: number) => ({
      ...settings,
      charter: { ...settings.charter, chat: { hours, clock: 'clock' } },
    });
    expect(settingsSchema.safeParse(withHours(-3)).success).toBe(false);
    expect(settingsSchema.safeParse(withHours(10_000)).success).toBe(false);
    expect(settingsSchema.safeParse(withHours(0.25)).success).toBe(true);
  });
});
