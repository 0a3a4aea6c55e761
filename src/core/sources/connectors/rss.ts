import { createHash } from 'node:crypto';
import { isSafeHttpUrl, type UpdateInput } from '../../../shared/schemas';
import type { SourceSettings } from '../../../shared/source-schemas';
import { type Connector, SourceError } from '../types';
import { clip, FeedParseError, htmlToText, readFeed } from './feed-entries';
import { request, statusWords } from './http';

type RssSource = Extract<SourceSettings, { kind: 'rss' }>;

/** What the previous poll saw: validators for a conditional GET, and each entry's fingerprint. */
export interface RssCursor {
  etag?: string;
  lastModified?: string;
  /** entry id → [content hash, the instant the item was first given]. */
  seen: Record<string, [hash: string, receivedAt: number]>;
}

const MAX_ENTRIES = 200;

function readCursor(raw: unknown): RssCursor {
  const cursor = raw as Partial<RssCursor> | undefined;
  return {
    ...(typeof cursor?.etag === 'string' ? { etag: cursor.etag } : {}),
    ...(typeof cursor?.lastModified === 'string' ? { lastModified: cursor.lastModified } : {}),
    seen: cursor?.seen && typeof cursor.seen === 'object' ? cursor.seen : {},
  };
}

/** Ids longer than the item schema allows are replaced by their digest, still stable. */
function externalIdFor(id: string): string {
  return id.length <= 500 ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
}

function absolute(link: string | null, base: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link, base).toString();
    return url.length <= 2048 && isSafeHttpUrl(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * RSS 2.0, Atom and RDF feeds by conditional GET (ETag, Last-Modified). New entries become items;
 * an entry whose title, link, summary or date changed is sent again under the same externalId, so it
 * updates its item. Entries already seen and unchanged are not sent again.
 */
export const rssConnector: Connector<RssSource> = {
  async poll(ctx) {
    const url = ctx.source.options.url;
    const where = `The feed at ${url}`;
    const previous = readCursor(ctx.cursor);
    const headers: Record<string, string> = {
      accept:
        'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, */*;q=0.5',
    };
    if (previous.etag) headers['if-none-match'] = previous.etag;
    if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;

    const answer = await request(url, { headers, signal: ctx.signal, where });
    if (answer.status === 304) return { updates: [], cursor: previous };
    if (answer.status < 200 || answer.status >= 300) {
      const retryAfter = Number(answer.headers.get('retry-after'));
      const retryAt = retryAfter > 0 ? ctx.now() + retryAfter * 1000 : undefined;
      throw new SourceError(`${where} answered ${statusWords(answer.status)}`, retryAt);
    }

    let feed: ReturnType<typeof readFeed>;
    try {
      feed = readFeed(answer.body);
    } catch (error) {
      if (!(error instanceof FeedParseError)) throw error;
      throw new SourceError(
        error.problem === 'malformed'
          ? `${where} is not valid XML`
          : `${where} is not an RSS, Atom or RDF feed`,
      );
    }

    const now = ctx.now();
    const seen: RssCursor['seen'] = {};
    const updates: UpdateInput[] = [];
    for (const entry of feed.entries.slice(0, MAX_ENTRIES)) {
      const externalId = externalIdFor(entry.id);
      if (seen[externalId]) continue;
      const summary = entry.summary ? clip(htmlToText(entry.summary), 300) : '';
      const link = absolute(entry.link, url);
      const hash = createHash('sha1')
        .update(JSON.stringify([entry.title, link, summary, entry.updated]))
        .digest('base64url');
      const known = previous.seen[externalId];
      const receivedAt = known?.[1] ?? Math.min(entry.publishedAt ?? now, now);
      seen[externalId] = [hash, receivedAt];
      if (known?.[0] === hash) continue;
      const sender = clip(entry.author ?? feed.title ?? '', 200);
      updates.push({
        source: ctx.source.id,
        externalId,
        channel: ctx.source.channel,
        title: clip(entry.title ? htmlToText(entry.title) : '(untitled entry)', 500) || '(untitled entry)',
        ...(sender ? { sender: { name: sender } } : {}),
        ...(summary ? { snippet: summary } : {}),
        ...(link ? { url: link } : {}),
        receivedAt,
        priority: 'normal',
      });
    }
    const etag = answer.headers.get('etag');
    const lastModified = answer.headers.get('last-modified');
    return {
      updates,
      cursor: { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), seen },
    };
  },
};
