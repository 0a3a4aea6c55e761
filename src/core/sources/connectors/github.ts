import type { Channel } from '../../../shared/channels';
import { isSafeHttpUrl, type UpdateInput } from '../../../shared/schemas';
import type { SourceSettings } from '../../../shared/source-schemas';
import { type Connector, type ConnectorContext, SourceError } from '../types';
import { clip } from './feed-entries';
import { type HttpAnswer, request, statusWords } from './http';

type GithubSource = Extract<SourceSettings, { kind: 'github' }>;

/** The fields of a notification thread Lull reads (GitHub REST "List notifications"). */
interface Thread {
  id: string;
  reason: string;
  updated_at: string;
  subject: { title: string; url: string | null; type: string };
  repository: { full_name: string; html_url: string };
}

export interface GithubCursor {
  lastModified?: string;
  /** thread id → the updated_at last given: a thread is sent again only with new activity. */
  seen: Record<string, string>;
}

const MAX_PAGES = 5;

/** review_requested → review, mentions → chat, assign → task; the source's channel for the rest. */
export function channelForReason(reason: string, fallback: Channel): Channel {
  if (reason === 'review_requested') return 'review';
  if (reason === 'mention' || reason === 'team_mention') return 'chat';
  if (reason === 'assign') return 'task';
  return fallback;
}

/** https://api.github.com as is; an Enterprise host given bare gets its /api/v3. */
export function apiBase(baseUrl: string): string {
  const url = new URL(baseUrl);
  const path = url.pathname.replace(/\/+$/, '');
  if (!path && url.hostname !== 'api.github.com') return `${url.origin}/api/v3`;
  return `${url.origin}${path}`;
}

/** The page a person opens for a thread: its pull request, issue or commit, else the repository. */
export function webUrlFor(thread: Thread): string | undefined {
  const repo = thread.repository.html_url;
  const match = /\/repos\/[^/]+\/[^/]+\/(pulls|issues|commits)\/([^/?#]+)$/.exec(thread.subject.url ?? '');
  const kind = { pulls: 'pull', issues: 'issues', commits: 'commit' }[match?.[1] ?? ''];
  const url = kind && match ? `${repo}/${kind}/${match[2]}` : repo;
  return isSafeHttpUrl(url) && url.length <= 2048 ? url : undefined;
}

function describe(thread: Thread): string {
  const type = thread.subject.type.replace(/([a-z])([A-Z])/g, '$1 $2');
  return `${type} in ${thread.repository.full_name} · ${thread.reason.replace(/_/g, ' ')}`;
}

function readCursor(raw: unknown): GithubCursor {
  const cursor = raw as Partial<GithubCursor> | undefined;
  return {
    ...(typeof cursor?.lastModified === 'string' ? { lastModified: cursor.lastModified } : {}),
    seen: cursor?.seen && typeof cursor.seen === 'object' ? cursor.seen : {},
  };
}

async function token(ctx: ConnectorContext<GithubSource>): Promise<string> {
  const value = await ctx.secret();
  if (!value) throw new SourceError('No GitHub token is stored: add a personal access token (classic)');
  return value;
}

function headersFor(secret: string): Record<string, string> {
  return {
    accept: 'application/vnd.github+json',
    authorization: `Bearer ${secret}`,
    'x-github-api-version': '2022-11-28',
  };
}

/** Turns GitHub's refusals into words, honouring its rate-limit headers for the next attempt. */
function refusal(answer: HttpAnswer, ctx: ConnectorContext<GithubSource>): SourceError {
  const { status, headers } = answer;
  if (status === 401) return new SourceError('GitHub refused the token (401): it may be expired or revoked');
  const retryAfter = Number(headers.get('retry-after'));
  const reset = Number(headers.get('x-ratelimit-reset'));
  const limited = headers.get('x-ratelimit-remaining') === '0' || retryAfter > 0 || status === 429;
  if ((status === 403 || status === 429) && limited) {
    const retryAt =
      retryAfter > 0 ? ctx.now() + retryAfter * 1000 : reset > 0 ? reset * 1000 : ctx.now() + 60_000;
    return new SourceError(`GitHub rate limit reached; retrying at ${ctx.formatTime(retryAt)}`, retryAt);
  }
  if (status === 403) {
    return new SourceError('GitHub refused access (403): the token needs the notifications or repo scope');
  }
  return new SourceError(`GitHub answered ${statusWords(status)}`);
}

function parseThreads(body: string): Thread[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new SourceError('GitHub sent an answer that is not JSON');
  }
  if (!Array.isArray(parsed)) throw new SourceError('GitHub sent an unexpected answer (not a list)');
  return (parsed as Thread[]).filter((t) => t && typeof t.id === 'string' && t.subject && t.repository);
}

function nextPage(answer: HttpAnswer): string | null {
  const link = answer.headers.get('link') ?? '';
  return /<([^>]+)>;\s*rel="next"/.exec(link)?.[1] ?? null;
}

/**
 * GitHub notifications (GitHub.com or Enterprise Server) polled as GitHub asks: If-Modified-Since
 * with the last Last-Modified (a 304 costs no rate limit) and never sooner than X-Poll-Interval.
 * A thread is one item (externalId and threadId = thread id); new activity sends it again.
 */
export const githubConnector: Connector<GithubSource> = {
  async poll(ctx) {
    const secret = await token(ctx);
    const previous = readCursor(ctx.cursor);
    const { options } = ctx.source;
    const query = `per_page=50${options.participatingOnly ? '&participating=true' : ''}`;
    let url: string | null = `${apiBase(options.baseUrl)}/notifications?${query}`;
    const threads: Thread[] = [];
    let minIntervalMs: number | undefined;
    let lastModified: string | null = null;
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const headers = headersFor(secret);
      if (page === 0 && previous.lastModified) headers['if-modified-since'] = previous.lastModified;
      const answer = await request(url, { headers, signal: ctx.signal, where: 'GitHub' });
      if (page === 0) {
        // GitHub asks for a pause between polls on every answer, 304 included: obey it.
        const interval = Number(answer.headers.get('x-poll-interval'));
        minIntervalMs = interval > 0 ? interval * 1000 : undefined;
        lastModified = answer.headers.get('last-modified');
        if (answer.status === 304) return { updates: [], cursor: previous, minIntervalMs };
      }
      if (answer.status !== 200) throw refusal(answer, ctx);
      threads.push(...parseThreads(answer.body));
      url = nextPage(answer);
    }

    const now = ctx.now();
    const seen: GithubCursor['seen'] = {};
    const updates: UpdateInput[] = [];
    for (const thread of threads) {
      seen[thread.id] = thread.updated_at;
      if (previous.seen[thread.id] === thread.updated_at) continue;
      const at = Date.parse(thread.updated_at);
      const url = webUrlFor(thread);
      updates.push({
        source: ctx.source.id,
        externalId: thread.id,
        threadId: thread.id,
        channel: channelForReason(thread.reason, ctx.source.channel),
        title: clip(thread.subject.title || '(untitled)', 500),
        sender: { name: clip(thread.repository.full_name, 200) },
        snippet: clip(describe(thread), 300),
        ...(url ? { url } : {}),
        receivedAt: Number.isFinite(at) ? Math.min(at, now) : now,
        priority: 'normal',
      });
    }
    return {
      updates,
      cursor: { ...(lastModified ? { lastModified } : {}), seen },
      ...(minIntervalMs ? { minIntervalMs } : {}),
    };
  },

  /** "Mark as read on GitHub when done in Lull": PATCH /notifications/threads/{id} (205). */
  async onDone(ctx, externalIds) {
    if (!ctx.source.options.markReadOnDone) return;
    const secret = await token(ctx);
    const base = apiBase(ctx.source.options.baseUrl);
    for (const id of externalIds) {
      if (!/^\d+$/.test(id)) continue;
      const answer = await request(`${base}/notifications/threads/${id}`, {
        method: 'PATCH',
        headers: headersFor(secret),
        signal: ctx.signal,
        where: 'GitHub',
      });
      if (answer.status !== 205 && answer.status !== 304) {
        ctx.logger.warn(`GitHub did not mark thread ${id} read (${statusWords(answer.status)})`);
      }
    }
  },
};
