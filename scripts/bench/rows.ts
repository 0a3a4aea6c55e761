/**
 * The benchmark's inbox: row `index` of a large, realistic inbox, the same row every time for the
 * same `index` and `now`, so a batch can be made anywhere (in the page, in a test) without state.
 * `words` come from the app's own `itemWords`, bundled with this file, so the rows are what the
 * database middleware would have stored.
 */
import type { StoredItem } from '../../src/renderer/db/lull-db';
import { itemWords } from '../../src/renderer/db/search-words';
import { CHANNELS, type Channel, DEFAULT_CHARTER, HOUR_MS, type Priority } from '../../src/shared/channels';

const DAY_MS = 24 * HOUR_MS;

/** How far deadlines reach around `now`: two weeks overdue to four weeks ahead. */
export const OLDEST_DEADLINE_MS = 14 * DAY_MS;
export const LATEST_DEADLINE_MS = 28 * DAY_MS;

/** Channel shares, roughly a busy team's week (chat and email dominate). */
const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = {
  chat: 30,
  email: 25,
  review: 12,
  task: 10,
  doc: 8,
  meeting: 5,
  video: 3,
  other: 7,
};

const SOURCES: Readonly<Record<Channel, readonly string[]>> = {
  chat: ['slack', 'teams'],
  email: ['gmail-work', 'fastmail'],
  review: ['github', 'gitlab'],
  task: ['linear', 'jira'],
  doc: ['gdocs'],
  meeting: ['calendar'],
  video: ['loom'],
  other: ['rss', 'cron'],
};

const NAMES = [
  'Ana',
  'Bo',
  'Cy',
  'Zoë',
  'José',
  'Ingrid',
  'Mei',
  'Tariq',
  'Olu',
  'Priya',
  'Søren',
  'Élodie',
  'Kenji',
  'Fatima',
  'Luca',
  'Noor',
];

const TOPICS = [
  'the launch',
  'tray icon states',
  'onboarding flow',
  'billing migration',
  'search index',
  'release notes',
  'Q3 roadmap',
  'dark mode',
  'offline sync',
  'API rate limits',
  'café menu',
  'résumé review',
  'security audit',
  'hiring loop',
  'design tokens',
  'quarterly numbers',
  'the board deck',
  'flaky tests',
  'data retention',
  'customer escalation',
];

const TEMPLATES: Readonly<Record<Channel, readonly string[]>> = {
  chat: ['Quick question about {t}', '{n} mentioned you in #team', 'Can you take a look at {t}?'],
  email: ['Re: {t}', 'Fwd: proposal for {t}', 'Invoice {k} about {t}'],
  review: ['Review: {t} (#{k})', 'PR #{k}: fix {t}'],
  task: ['LUL-{k} {t} is blocked', 'Assigned to you: {t}'],
  doc: ['{n} commented on the {t} plan'],
  meeting: ['Invitation: {t} sync'],
  video: ['New recording: {t} demo'],
  other: ['Digest: {t} news'],
};

const SNIPPET_WORDS =
  'please when you have a minute could we check whether the numbers still hold after friday the customer asked about timing and i promised an answer before the weekly sync thanks again for looking'.split(
    ' ',
  );

/** mulberry32: small, fast and good enough to spread rows; seeded per row so rows are independent. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(rand: () => number, options: readonly T[]): T {
  return options[Math.floor(rand() * options.length)] as T;
}

const WEIGHT_TOTAL = CHANNELS.reduce((sum, channel) => sum + CHANNEL_WEIGHTS[channel], 0);

function pickChannel(rand: () => number): Channel {
  let roll = rand() * WEIGHT_TOTAL;
  for (const channel of CHANNELS) {
    roll -= CHANNEL_WEIGHTS[channel];
    if (roll < 0) return channel;
  }
  return 'other';
}

/** 30 % overdue, 25 % due within two days, the rest spread over the next four weeks. */
function pickDeadline(rand: () => number, now: number): number {
  const roll = rand();
  const offset =
    roll < 0.3
      ? -rand() * OLDEST_DEADLINE_MS
      : roll < 0.55
        ? rand() * 2 * DAY_MS
        : 2 * DAY_MS + rand() * (LATEST_DEADLINE_MS - 2 * DAY_MS);
  return Math.floor(now + offset);
}

function pickPriority(rand: () => number): Priority {
  const roll = rand();
  return roll < 0.05 ? 'urgent' : roll < 0.25 ? 'low' : 'normal';
}

function snippet(rand: () => number): string {
  const length = 10 + Math.floor(rand() * 16);
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(pick(rand, SNIPPET_WORDS));
  return words.join(' ');
}

/**
 * Row `index` of the benchmark inbox at `now`: 88 % open, 8 % done, 4 % snoozed. Snoozes end in the
 * future, so the app's wake-up pass has nothing to write while it is being measured.
 */
export function benchItem(index: number, now: number): StoredItem {
  const rand = random(Math.imul(index + 1, 2_654_435_761));
  const channel = pickChannel(rand);
  const source = pick(rand, SOURCES[channel]);
  const name = pick(rand, NAMES);
  const title = pick(rand, TEMPLATES[channel])
    .replace('{t}', pick(rand, TOPICS))
    .replace('{n}', name)
    .replace('{k}', String(100 + Math.floor(rand() * 9900)));
  const deadline = pickDeadline(rand, now);
  const receivedAt = deadline - DEFAULT_CHARTER[channel].hours * HOUR_MS - Math.floor(rand() * HOUR_MS);
  const externalId = `bench-${index}`;
  const item: StoredItem = {
    id: `${source}/${externalId}`,
    source,
    externalId,
    channel,
    title,
    sender: { name, handle: `@${name.toLowerCase()}` },
    snippet: snippet(rand),
    receivedAt,
    deadline,
    deadlineExplicit: rand() < 0.1,
    priority: pickPriority(rand),
    ingestedAt: receivedAt + Math.floor(rand() * 60_000),
    status: 'open',
  };
  if (rand() < 0.7) item.url = `https://example.com/${source}/${index}`;
  if (channel === 'chat' || channel === 'email' || channel === 'review')
    item.threadId = `${source}:thread-${Math.floor(rand() * 5000)}`;
  const state = rand();
  if (state < 0.08) {
    item.status = 'done';
    item.doneAt = Math.min(now - 1000, receivedAt + Math.floor(rand() * 2 * DAY_MS));
  } else if (state < 0.12) {
    item.status = 'snoozed';
    item.snoozedUntil = now + HOUR_MS + Math.floor(rand() * 7 * DAY_MS);
  }
  item.words = itemWords(item);
  return item;
}
