/**
 * Feedsmith's three XML shapes (RSS 0.9x/2.0, Atom 0.3/1.0, RDF/RSS 1.0) read as one list of entries.
 * Kept apart from the connector so the mapping can be read, and tested, without HTTP.
 */
import { DetectError, MalformedError, parseFeed } from 'feedsmith';

export interface FeedEntry {
  id: string;
  title: string | null;
  link: string | null;
  summary: string | null;
  author: string | null;
  /** Epoch ms of publication (or the last update when that is all the feed says). */
  publishedAt: number | null;
  updated: string | null;
}

export interface ParsedFeed {
  title: string | null;
  entries: FeedEntry[];
}

export type FeedProblem = 'malformed' | 'not-a-feed';

export class FeedParseError extends Error {
  constructor(readonly problem: FeedProblem) {
    super(problem);
  }
}

type Loose = Record<string, unknown> | undefined;

/** Atom text constructs are `{ value, type }`; RSS fields are plain strings. */
function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object' && 'value' in value)
    return text((value as { value: unknown }).value);
  return null;
}

function first(values: unknown): unknown {
  return Array.isArray(values) ? values[0] : values;
}

function authorName(authors: unknown, dc: Loose): string | null {
  const author = first(authors);
  if (typeof author === 'string') return author.trim() || null;
  const named = author as { name?: unknown; email?: unknown } | undefined;
  return text(named?.name) ?? text(named?.email) ?? text(first(dc?.creators)) ?? null;
}

function date(...candidates: unknown[]): number | null {
  for (const candidate of candidates) {
    const value = text(first(candidate));
    const at = value ? Date.parse(value) : Number.NaN;
    if (Number.isFinite(at)) return at;
  }
  return null;
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return null;
  const alternate = links.find((l) => !l?.rel || l.rel === 'alternate') ?? links[0];
  return text(alternate?.href);
}

function fromRss(item: Loose): Omit<FeedEntry, 'id'> & { guid: string | null } {
  const dc = item?.dc as Loose;
  const content = item?.content as Loose;
  return {
    guid: text((item?.guid as Loose)?.value ?? item?.guid),
    title: text(item?.title),
    link: text(item?.link),
    summary: text(item?.description) ?? text(content?.encoded),
    author: authorName(item?.authors, dc),
    publishedAt: date(item?.pubDate, dc?.dates),
    updated: text(item?.pubDate) ?? text(first(dc?.dates)),
  };
}

function fromAtom(entry: Loose): Omit<FeedEntry, 'id'> & { guid: string | null } {
  return {
    guid: text(entry?.id),
    title: text(entry?.title),
    link: atomLink(entry?.links),
    summary: text(entry?.summary) ?? text(entry?.content),
    author: authorName(entry?.authors, entry?.dc as Loose),
    publishedAt: date(entry?.published, entry?.updated),
    updated: text(entry?.updated) ?? text(entry?.published),
  };
}

function fromRdf(item: Loose): Omit<FeedEntry, 'id'> & { guid: string | null } {
  const dc = item?.dc as Loose;
  return {
    guid: text((item?.rdf as Loose)?.about),
    title: text(item?.title),
    link: text(item?.link),
    summary: text(item?.description),
    author: authorName(undefined, dc),
    publishedAt: date(dc?.dates),
    updated: text(first(dc?.dates)),
  };
}

/** Parses RSS, Atom or RDF; throws FeedParseError saying whether the XML or the format is wrong. */
export function readFeed(xml: string): ParsedFeed {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(xml);
  } catch (error) {
    if (error instanceof MalformedError) throw new FeedParseError('malformed');
    if (error instanceof DetectError) throw new FeedParseError('not-a-feed');
    throw error;
  }
  const feed = parsed.feed as Record<string, unknown>;
  const raw: Array<Omit<FeedEntry, 'id'> & { guid: string | null }> =
    parsed.format === 'atom'
      ? ((feed.entries as Loose[] | undefined) ?? []).map(fromAtom)
      : parsed.format === 'rdf'
        ? ((feed.items as Loose[] | undefined) ?? []).map(fromRdf)
        : parsed.format === 'rss'
          ? ((feed.items as Loose[] | undefined) ?? []).map(fromRss)
          : [];
  const entries = raw.flatMap(({ guid, ...entry }) => {
    // An entry with no id, link or title cannot be told apart from the next one: skip it.
    const id = guid ?? entry.link ?? (entry.title ? `${entry.title}|${entry.updated ?? ''}` : null);
    return id ? [{ id, ...entry }] : [];
  });
  return { title: text(feed.title), entries };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Readable text from an HTML description: tags dropped, common entities decoded, spaces folded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1]?.toLowerCase() === 'x' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : match;
      }
      return ENTITIES[name.toLowerCase()] ?? match;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters, cut at a word where one is near, with an ellipsis. */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
