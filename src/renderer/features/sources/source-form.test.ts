import { describe, expect, it } from 'vitest';
import { sourceViewSchema } from '../../../shared/source-schemas';
import { emptySourceForm, formFromView, formToDraft, switchKind } from './source-form';

describe('source form', () => {
  it('turns an RSS form into a draft the contract accepts, with the kind default channel', () => {
    const form = { ...emptySourceForm('rss'), name: ' Handbook ', url: 'http://127.0.0.1:8080/feed.xml' };
    const result = formToDraft(form, false);
    expect(result).toEqual({
      ok: true,
      draft: {
        kind: 'rss',
        name: 'Handbook',
        enabled: true,
        pollMinutes: 5,
        channel: 'doc',
        options: { url: 'http://127.0.0.1:8080/feed.xml' },
      },
    });
  });

  it('puts the schema messages next to their fields, in words', () => {
    const form = { ...emptySourceForm('rss'), url: 'ftp://x', pollMinutes: '90' };
    const result = formToDraft(form, false);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toBe('Give the source a name');
    expect(result.errors.url).toBe(
      'Feed address must be an http or https address, without a user name or password',
    );
    expect(result.errors.pollMinutes).toBe('Check every 1 to 60 whole minutes');
    expect(
      formToDraft({ ...form, name: 'x', url: 'https://x.example/f', pollMinutes: '2.5' }, false),
    ).toMatchObject({
      ok: false,
      errors: { pollMinutes: 'Check every 1 to 60 whole minutes' },
    });
  });

  it('needs the token for a new GitHub source, keeps a stored one when left empty, and sends it apart', () => {
    const form = { ...emptySourceForm('github'), name: 'GitHub' };
    expect(formToDraft(form, false)).toMatchObject({
      ok: false,
      errors: { secret: 'Enter the personal access token' },
    });
    const kept = formToDraft(form, true);
    expect(kept.ok && 'secret' in kept).toBe(false);
    const fresh = formToDraft({ ...form, secret: ' ghp_abc ' }, false);
    expect(fresh).toMatchObject({
      ok: true,
      secret: 'ghp_abc',
      draft: { kind: 'github', options: { baseUrl: 'https://api.github.com', markReadOnDone: false } },
    });
    expect(
      formToDraft({ ...form, secret: 'x', baseUrl: 'http://github.example/api/v3' }, false),
    ).toMatchObject({
      ok: false,
      errors: { baseUrl: 'API address must use https (plain http only to 127.0.0.1 or localhost)' },
    });
  });

  it('reads IMAP folders and port, and refuses plain text to a remote server', () => {
    const form = {
      ...emptySourceForm('imap'),
      name: 'Mail',
      host: 'imap.example.com',
      user: 'me@example.com',
      folders: 'INBOX, Team ,',
      port: '993',
      secret: 'pw',
    };
    expect(formToDraft(form, false)).toMatchObject({
      ok: true,
      secret: 'pw',
      draft: { channel: 'email', options: { port: 993, tls: true, folders: ['INBOX', 'Team'] } },
    });
    expect(formToDraft({ ...form, port: 'abc', folders: ' ' }, false)).toMatchObject({
      ok: false,
      errors: {
        port: 'Enter a port from 1 to 65535, or leave it empty',
        folders: 'Choose at least one folder',
      },
    });
    expect(formToDraft({ ...form, tls: false }, false)).toMatchObject({
      ok: false,
      errors: { tls: 'A connection without TLS is only allowed to 127.0.0.1 or localhost' },
    });
    expect(formToDraft({ ...form, tls: false, host: 'localhost' }, false).ok).toBe(true);
  });

  it('edits a saved source without its secret, and a kind change keeps the name', () => {
    const view = sourceViewSchema.parse({
      source: {
        id: 'mail',
        kind: 'imap',
        name: 'Mail',
        options: { host: 'imap.example.com', user: 'me', folders: ['INBOX', 'Team'] },
      },
      status: {
        id: 'mail',
        state: 'ok',
        lastSuccessAt: null,
        lastError: null,
        nextPollAt: null,
        watching: false,
      },
      hasSecret: true,
    });
    const form = formFromView(view);
    expect(form).toMatchObject({
      id: 'mail',
      folders: 'INBOX, Team',
      port: '',
      secret: '',
      pollMinutes: '5',
    });
    expect(formToDraft(form, true)).toMatchObject({ ok: true, draft: { id: 'mail', kind: 'imap' } });
    expect(switchKind(form, 'rss')).toMatchObject({ id: 'mail', name: 'Mail', kind: 'rss', channel: 'doc' });
  });
});
