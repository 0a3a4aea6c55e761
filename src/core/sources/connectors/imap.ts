import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import type { UpdateInput } from '../../../shared/schemas';
import { isLoopbackHost, type SourceSettings } from '../../../shared/source-schemas';
import { type Connector, type ConnectorContext, describeNetworkError, SourceError } from '../types';
import { clip, htmlToText } from './feed-entries';

type ImapSource = Extract<SourceSettings, { kind: 'imap' }>;
type Ctx = ConnectorContext<ImapSource>;

/** Per folder: the UIDVALIDITY seen and the highest unseen UID already given. */
export interface ImapCursor {
  folders: Record<string, { uidValidity: string; lastUid: number }>;
}

const MAX_MESSAGES = 200;
const SOURCE_BYTES = 64 * 1024;

function portOf(options: ImapSource['options']): number {
  return options.port ?? (options.tls ? 993 : 143);
}

function describeImapError(error: unknown, ctx: Ctx): SourceError {
  if (error instanceof SourceError) return error;
  const { host, user } = ctx.source.options;
  const failure = error as { authenticationFailed?: boolean; responseText?: string; code?: string };
  if (failure?.authenticationFailed)
    return new SourceError(`IMAP login failed for ${user} (wrong password?)`);
  if (failure?.code && /^E[A-Z]+$|TLS|CERT|TIMEOUT/.test(failure.code)) {
    return new SourceError(
      describeNetworkError(error, `The mail server ${host}:${portOf(ctx.source.options)}`),
    );
  }
  const said = failure?.responseText ?? (error as Error)?.message ?? String(error);
  return new SourceError(`The mail server ${host} said: ${clip(said, 200)}`);
}

/** Logged in and ready; closed at once when the service aborts the poll. */
async function connect(ctx: Ctx, watching = false): Promise<ImapFlow> {
  const { host, tls, user } = ctx.source.options;
  if (!tls && !isLoopbackHost(host)) {
    throw new SourceError('IMAP without TLS is only allowed to 127.0.0.1 or localhost');
  }
  const pass = await ctx.secret();
  if (!pass) throw new SourceError(`No password is stored for ${user}`);
  const port = portOf(ctx.source.options);
  // Port 143 with TLS means STARTTLS, required, never skipped.
  const implicit = tls && port !== 143;
  const client = new ImapFlow({
    host,
    port,
    secure: implicit,
    doSTARTTLS: tls ? !implicit || undefined : false,
    auth: { user, pass },
    logger: false,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 5 * 60_000,
    disableAutoIdle: !watching,
    autoIdleDelay: 1_000,
  });
  // Without a listener an 'error' event would crash the process.
  client.on('error', () => {});
  const abort = () => client.close();
  ctx.signal.addEventListener('abort', abort, { once: true });
  try {
    await client.connect();
  } catch (error) {
    ctx.signal.removeEventListener('abort', abort);
    if (ctx.signal.aborted) throw ctx.signal.reason;
    throw describeImapError(error, ctx);
  }
  client.on('close', () => ctx.signal.removeEventListener('abort', abort));
  return client;
}

async function leave(client: ImapFlow): Promise<void> {
  await client.logout().catch(() => client.close());
}

function readCursor(raw: unknown): ImapCursor {
  const folders = (raw as Partial<ImapCursor> | undefined)?.folders;
  return { folders: folders && typeof folders === 'object' ? folders : {} };
}

function firstId(value: string | string[] | undefined): string | undefined {
  const id = Array.isArray(value) ? value[0] : value?.trim().split(/\s+/)[0];
  return id && id.length <= 500 ? id : undefined;
}

async function toUpdate(ctx: Ctx, folder: string, uidValidity: string, message: FetchedMessage) {
  const parsed = message.source ? await simpleParser(message.source) : null;
  const from = message.envelope?.from?.[0];
  const name = clip(from?.name || from?.address || 'Unknown sender', 200);
  const handle = from?.address ? clip(from.address, 200) : undefined;
  const body = parsed?.text?.trim() || (parsed?.html ? htmlToText(parsed.html) : '');
  const snippet = clip(body.replace(/\s+/g, ' ').trim(), 300);
  const at = message.internalDate ? new Date(message.internalDate).getTime() : Number.NaN;
  const thread = firstId(parsed?.references) ?? firstId(parsed?.inReplyTo) ?? firstId(parsed?.messageId);
  const update: UpdateInput = {
    source: ctx.source.id,
    externalId: `${folder}/${uidValidity}/${message.uid}`,
    channel: ctx.source.channel,
    title: clip(message.envelope?.subject?.trim() || '(no subject)', 500),
    sender: { name, ...(handle && handle !== name ? { handle } : {}) },
    ...(snippet ? { snippet } : {}),
    receivedAt: Number.isFinite(at) ? Math.min(at, ctx.now()) : ctx.now(),
    priority: 'normal',
    ...(thread ? { threadId: thread } : {}),
  };
  return update;
}

interface FetchedMessage {
  uid: number;
  source?: Buffer;
  envelope?: { subject?: string; from?: { name?: string; address?: string }[] };
  internalDate?: Date | string;
}

async function pollFolder(ctx: Ctx, client: ImapFlow, folder: string, cursor: ImapCursor) {
  const lock = await client.getMailboxLock(folder, { readOnly: true }).catch((error: unknown) => {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    const text = (error as { responseText?: string }).responseText ?? '';
    throw new SourceError(
      `The folder “${folder}” could not be opened on ${ctx.source.options.host}: ${text}`,
    );
  });
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new SourceError(`The folder “${folder}” could not be opened`);
    const uidValidity = String(mailbox.uidValidity);
    const previous = cursor.folders[folder];
    const since = previous?.uidValidity === uidValidity ? previous.lastUid : 0;
    const found = (await client.search({ seen: false, uid: `${since + 1}:*` }, { uid: true })) || [];
    const uids = found.filter((uid) => uid > since).slice(-MAX_MESSAGES);
    const updates: UpdateInput[] = [];
    if (uids.length > 0) {
      const query = { uid: true, envelope: true, internalDate: true, source: { maxLength: SOURCE_BYTES } };
      for await (const message of client.fetch(uids, query, { uid: true })) {
        updates.push(await toUpdate(ctx, folder, uidValidity, message as FetchedMessage));
      }
    }
    cursor.folders[folder] = { uidValidity, lastUid: Math.max(since, ...uids) };
    return updates;
  } finally {
    lock.release();
  }
}

/**
 * IMAP mail (TLS by default): unseen messages in the chosen folders become email items. Between polls
 * it listens with IDLE on the first folder when the server offers it.
 */
export const imapConnector: Connector<ImapSource> = {
  async poll(ctx) {
    const client = await connect(ctx);
    const cursor = readCursor(ctx.cursor);
    const next: ImapCursor = { folders: { ...cursor.folders } };
    try {
      const updates: UpdateInput[] = [];
      for (const folder of ctx.source.options.folders)
        updates.push(...(await pollFolder(ctx, client, folder, next)));
      return { updates, cursor: next };
    } catch (error) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      throw describeImapError(error, ctx);
    } finally {
      await leave(client);
    }
  },

  async watch(ctx, wake, onClosed) {
    const client = await connect(ctx, true);
    if (!client.capabilities.has('IDLE')) {
      await leave(client);
      return null;
    }
    let stopped = false;
    try {
      await client.mailboxOpen(ctx.source.options.folders[0] ?? 'INBOX', { readOnly: true });
    } catch (error) {
      await leave(client);
      throw describeImapError(error, ctx);
    }
    client.on('exists', (data: { count: number; prevCount: number }) => {
      if (data.count > data.prevCount) wake();
    });
    client.on('close', () => {
      if (!stopped) onClosed();
    });
    return async () => {
      stopped = true;
      await leave(client);
    };
  },

  /** "Mark as seen when done": \Seen on the message, if its folder's UIDVALIDITY still matches. */
  async onDone(ctx, externalIds) {
    if (!ctx.source.options.markSeenOnDone) return;
    const byFolder = new Map<string, { uidValidity: string; uids: number[] }>();
    for (const id of externalIds) {
      const match = /^(.*)\/(\d+)\/(\d+)$/.exec(id);
      if (!match) continue;
      const [, folder = '', uidValidity = '', uid] = match;
      const entry = byFolder.get(folder) ?? { uidValidity, uids: [] };
      entry.uids.push(Number(uid));
      byFolder.set(folder, entry);
    }
    if (byFolder.size === 0) return;
    const client = await connect(ctx);
    try {
      for (const [folder, { uidValidity, uids }] of byFolder) {
        const lock = await client.getMailboxLock(folder);
        try {
          const mailbox = client.mailbox;
          if (mailbox && String(mailbox.uidValidity) === uidValidity) {
            await client.messageFlagsAdd(uids.join(','), ['\\Seen'], { uid: true });
          }
        } finally {
          lock.release();
        }
      }
    } finally {
      await leave(client);
    }
  },
};
