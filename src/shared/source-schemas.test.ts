import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema } from './settings-schema';
import { isLoopbackHost, sourceDraftSchema, sourceSettingsSchema, sourcesListSchema } from './source-schemas';

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];

describe('source settings', () => {
  it('fills defaults per kind: channel, poll interval, GitHub.com, INBOX and TLS', () => {
    expect(
      sourceSettingsSchema.parse({
        id: 'rss-1',
        kind: 'rss',
        name: 'Blog',
        options: { url: 'https://a.example/feed' },
      }),
    ).toEqual({
      id: 'rss-1',
      kind: 'rss',
      name: 'Blog',
      enabled: true,
      pollMinutes: 5,
      channel: 'doc',
      options: { url: 'https://a.example/feed' },
    });
    expect(
      sourceSettingsSchema.parse({ id: 'gh', kind: 'github', name: 'GitHub', options: {} }),
    ).toMatchObject({
      channel: 'other',
      options: { baseUrl: 'https://api.github.com', participatingOnly: false, markReadOnDone: false },
    });
    expect(
      sourceSettingsSchema.parse({
        id: 'mail',
        kind: 'imap',
        name: 'Mail',
        options: { host: 'imap.example.com', user: 'ana' },
      }),
    ).toMatchObject({ channel: 'email', options: { tls: true, folders: ['INBOX'], markSeenOnDone: false } });
  });

  it('says what is wrong in words a person can act on', () => {
    const result = sourceDraftSchema.safeParse({
      kind: 'imap',
      name: ' ',
      pollMinutes: 0,
      options: { host: 'mail.example.com', tls: false, user: '', folders: [] },
    });
    expect(messages(result)).toEqual(
      expect.arrayContaining([
        'name: Give the source a name',
        'pollMinutes: Check at most once a minute',
        'options.user: Enter the user name, often your email address',
        'options.folders: Choose at least one folder',
      ]),
    );
    expect(
      messages(
        sourceDraftSchema.safeParse({
          kind: 'rss',
          name: 'x',
          pollMinutes: 90,
          options: { url: 'https://a.b/' },
        }),
      ),
    ).toEqual(['pollMinutes: Check at least once an hour']);
  });

  it('allows plaintext only to this machine: IMAP without TLS, GitHub over http', () => {
    const imap = (host: string) => ({
      kind: 'imap',
      name: 'Mail',
      options: { host, tls: false, user: 'ana' },
    });
    expect(messages(sourceDraftSchema.safeParse(imap('imap.example.com')))).toEqual([
      'options.tls: A connection without TLS is only allowed to 127.0.0.1 or localhost',
    ]);
    expect(sourceDraftSchema.safeParse(imap('127.0.0.1')).success).toBe(true);
    expect(sourceDraftSchema.safeParse(imap('localhost')).success).toBe(true);
    const github = (baseUrl: string) => ({ kind: 'github', name: 'GH', options: { baseUrl } });
    expect(sourceDraftSchema.safeParse(github('http://github.example.com')).success).toBe(false);
    expect(sourceDraftSchema.safeParse(github('http://127.0.0.1:8080')).success).toBe(true);
    expect(sourceDraftSchema.safeParse(github('https://github.example.com/api/v3')).success).toBe(true);
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });

  it('refuses feed addresses that are not http(s) or carry credentials', () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://a.example/feed',
      'https://user:pw@a.example/feed',
      'not a url',
    ]) {
      expect(sourceDraftSchema.safeParse({ kind: 'rss', name: 'x', options: { url } }).success).toBe(false);
    }
  });

  it('keeps ids fit for secret names and unique in settings', () => {
    const source = { kind: 'rss', name: 'x', options: { url: 'https://a.b/' } };
    expect(sourceSettingsSchema.safeParse({ ...source, id: 'Bad_Id' }).success).toBe(false);
    expect(
      sourcesListSchema.safeParse([
        { ...source, id: 'a' },
        { ...source, id: 'a' },
      ]).success,
    ).toBe(false);
    expect(
      settingsSchema.safeParse({ ...defaultSettings(), sources: [{ ...source, id: 'rss-1' }] }).success,
    ).toBe(true);
  });
});
