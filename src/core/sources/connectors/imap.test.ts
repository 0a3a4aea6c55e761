import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createFakeClock } from '../../../../test/helpers/fake-clock';
import {
  DOVECOT_INSTALL,
  hasDovecot,
  type ImapTestServer,
  startImapServer,
} from '../../../../test/helpers/imap-server';
import { journalItems, startTestCore, type TestCore } from '../../../../test/helpers/test-core';
import { dispatchCommand } from '../../../shared/contract';

const T0 = Date.UTC(2025, 8, 1, 13, 0); // Monday 1 September 2025, 13:00 UTC
const NEEDS = `needs dovecot: ${DOVECOT_INSTALL}`;

const startCore = () => startTestCore({ clock: createFakeClock(T0) });

const items = journalItems;

async function addMailbox(
  core: TestCore,
  server: ImapTestServer,
  options: { password?: string; folders?: string[]; markSeenOnDone?: boolean } = {},
) {
  const view = await core.sources.save({
    source: {
      kind: 'imap',
      name: 'Work mail',
      options: {
        host: server.host,
        port: server.port,
        tls: false, // loopback test server only; anywhere else TLS is required
        user: server.user,
        folders: options.folders ?? ['INBOX'],
        markSeenOnDone: options.markSeenOnDone ?? false,
      },
    },
    secret: options.password ?? server.password,
  });
  return view.source.id;
}

if (!hasDovecot && process.env.CI === 'true') {
  it('IMAP mail source needs Dovecot on CI', () => {
    throw new Error(`Dovecot is not installed. Install it with: ${DOVECOT_INSTALL}`);
  });
}

describe.skipIf(!hasDovecot)(`IMAP mail source against Dovecot on loopback (${NEEDS})`, () => {
  let server: ImapTestServer;
  beforeAll(async () => {
    server = await startImapServer();
    await server.createFolder('Team');
    await server.deliver({
      from: 'Bo Chen <bo@example.com>',
      subject: 'Quarterly plan: your comments by Thursday?',
      body: 'Hi Ana,\n\nCould you look at the hiring section before Thursday?\n\nThanks, Bo',
      messageId: '<plan-1@example.com>',
      date: new Date(Date.UTC(2025, 8, 1, 9, 30)),
    });
    await server.deliver({
      from: 'Cy Okafor <cy@example.com>',
      subject: 'Re: Offsite dates',
      body: 'Either week works for me.',
      messageId: '<offsite-2@example.com>',
      inReplyTo: '<offsite-1@example.com>',
      date: new Date(Date.UTC(2025, 8, 1, 10, 0)),
      folder: 'Team',
    });
  }, 30_000);
  afterAll(() => server?.stop());

  it('unseen messages in the chosen folders become email items with sender, subject and snippet', async () => {
    const core = await startCore();
    const id = await addMailbox(core, server, { folders: ['INBOX', 'Team'] });
    const status = await core.sources.checkNow(id);

    expect(status).toMatchObject({ state: 'ok', lastError: null });
    const got = new Map(items(core).map((item) => [item.title, item]));
    const plan = got.get('Quarterly plan: your comments by Thursday?');
    expect(plan).toMatchObject({
      source: id,
      channel: 'email',
      sender: { name: 'Bo Chen', handle: 'bo@example.com' },
      snippet: 'Hi Ana, Could you look at the hiring section before Thursday? Thanks, Bo',
      threadId: '<plan-1@example.com>',
    });
    expect(plan?.externalId).toMatch(/^INBOX\/\d+\/1$/);
    // Email is due within 24 working hours (Mon–Fri 09:00–17:00 UTC) of its arrival.
    expect(plan?.deadline).toBeGreaterThan(plan!.receivedAt + 24 * 3_600_000);
    expect(got.get('Re: Offsite dates')).toMatchObject({
      sender: { name: 'Cy Okafor', handle: 'cy@example.com' },
      threadId: '<offsite-1@example.com>',
    });

    const before = core.journal.lastSeq();
    await core.sources.checkNow(id);
    expect(core.journal.lastSeq()).toBe(before);
  });

  it('listens with IDLE: a new mail arrives within seconds, without a poll being due', async () => {
    const core = await startCore();
    const id = await addMailbox(core, server);
    await core.sources.checkNow(id);
    await vi.waitFor(() => expect(core.sources.list()[0]?.status.watching).toBe(true), { timeout: 10_000 });
    const count = items(core).length;

    const sentAt = Date.now();
    await server.deliver({ from: 'Dee Park <dee@example.com>', subject: 'Standup notes', body: 'Posted.' });
    await vi.waitFor(
      () =>
        expect(
          items(core)
            .slice(count)
            .map((item) => item.title),
        ).toEqual(['Standup notes']),
      { timeout: 8_000, interval: 50 },
    );
    expect(Date.now() - sentAt).toBeLessThan(8_000);
  });

  it('a wrong password is a clear source error', async () => {
    const core = await startCore();
    const id = await addMailbox(core, server, { password: 'not the password' });
    const status = await core.sources.checkNow(id);
    expect(status.state).toBe('error');
    expect(status.lastError).toBe('IMAP login failed for ana@example.com (wrong password?)');
    expect(status.watching).toBe(false);
  });

  it('marks the message seen on the server when it is done in Lull, if asked to', async () => {
    await server.deliver({
      from: 'Eli Novak <eli@example.com>',
      subject: 'Badge pickup',
      body: 'At reception.',
    });
    const core = await startCore();
    const id = await addMailbox(core, server, { markSeenOnDone: true });
    await core.sources.checkNow(id);
    const badge = items(core).find((item) => item.title === 'Badge pickup')!;
    const uid = Number(badge.externalId.split('/').at(-1));

    await dispatchCommand(core.handlers, 'inbox:set-state', { ids: [badge.id], state: 'done' });
    await vi.waitFor(async () => expect((await server.flags())[uid]).toContain('\\Seen'), { timeout: 8_000 });
  });
});

describe.skipIf(!hasDovecot)(`IMAP mail source without IDLE (${NEEDS})`, () => {
  it('polls when the server does not offer IDLE', async () => {
    const server = await startImapServer({ idle: false });
    onTestFinished(() => server.stop());
    await server.deliver({ from: 'Bo <bo@example.com>', subject: 'Polled', body: 'Hello' });
    const core = await startCore();
    const id = await addMailbox(core, server);
    const status = await core.sources.checkNow(id);
    expect(status).toMatchObject({ state: 'ok', watching: false, nextPollAt: T0 + 5 * 60_000 });
    expect(items(core).map((item) => item.title)).toEqual(['Polled']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(core.sources.list()[0]?.status.watching).toBe(false);
  });
});
