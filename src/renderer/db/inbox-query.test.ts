import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openTestDb, testItem } from '../../../test/helpers/renderer-db';
import { DUE_GROUPS, dueGroup } from '../../shared/due-format';
import {
  type Anchor,
  compareKeys,
  countInbox,
  DEFAULT_FILTER,
  facetCounts,
  type InboxFilter,
  keyOf,
  nearestAnchor,
  type PageKey,
  readWindow,
  searchTerms,
} from './inbox-query';
import type { LullDb, StoredItem } from './lull-db';

const HOUR = 3_600_000;
// Wednesday 18 Nov 2026, 10:00 in Berlin.
const NOW = Date.UTC(2026, 10, 18, 9);
const ctx = { now: NOW, zone: 'Europe/Berlin' };

function row(id: string, overrides: Partial<StoredItem> = {}): StoredItem {
  return { ...testItem(id), status: 'open', ...overrides };
}

async function seed(db: LullDb, rows: StoredItem[]): Promise<void> {
  await db.items.bulkPut(rows);
}

/** Every row, read `limit` at a time as the list reads them: each window starts after the last one's key. */
async function allPages(db: LullDb, filter: InboxFilter, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let anchor: Anchor = { position: 0, key: null };
  for (let guard = 0; guard < 10_000; guard++) {
    const rows = await readWindow(db, filter, NOW, anchor.position, limit, anchor);
    ids.push(...rows.map((item) => item.id));
    const last = rows.at(-1);
    if (rows.length < limit || !last) return ids;
    anchor = { position: anchor.position + rows.length, key: keyOf(last) };
  }
  throw new Error('paging did not end');
}

describe('keyset paging', () => {
  it('returns each item exactly once, in deadline order, whatever the page size and ties', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 5 }), fc.constantFrom<StoredItem['status']>('open', 'done')),
          {
            maxLength: 60,
          },
        ),
        fc.integer({ min: 1, max: 7 }),
        async (specs, limit) => {
          const db = openTestDb();
          // Few distinct deadlines, so most rows tie and only the id orders them.
          const rows = specs.map(([slot, status], i) =>
            row(`x${(i * 7919) % 1000}-${i}`, { deadline: slot * HOUR, status }),
          );
          await seed(db, rows);
          const expected = rows
            .filter((r) => r.status === 'open')
            .sort(compareKeys)
            .map((r) => r.id);
          expect(await allPages(db, DEFAULT_FILTER, limit)).toEqual(expected);
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('does not repeat a row when rows arrive before the page being read', async () => {
    const db = openTestDb();
    await seed(
      db,
      ['a', 'b', 'c', 'd'].map((id, i) => row(id, { deadline: (i + 1) * HOUR })),
    );
    const first = await readWindow(db, DEFAULT_FILTER, NOW, 0, 2);
    await db.items.put(row('early', { deadline: 0 }));
    const after = { position: 2, key: keyOf(first.at(-1)!) };
    const second = await readWindow(db, DEFAULT_FILTER, NOW, 2, 2, after);
    expect([...first, ...second].map((i) => i.id)).toEqual(['me/a', 'me/b', 'me/c', 'me/d']);
  });

  it('pages a channel, a source and a search the same way', async () => {
    const db = openTestDb();
    const rows = Array.from({ length: 30 }, (_, i) =>
      row(`r${i}`, {
        deadline: (i % 5) * HOUR,
        channel: i % 2 ? 'email' : 'chat',
        source: i % 3 ? 'github' : 'me',
        title: i % 4 ? `Review pull request ${i}` : `Lunch plans ${i}`,
      }),
    );
    await seed(db, rows);
    const cases: [Partial<InboxFilter>, (r: StoredItem) => boolean][] = [
      [{ channel: 'email' }, (r) => r.channel === 'email'],
      [{ source: 'github' }, (r) => r.source === 'github'],
      [{ channel: 'chat', source: 'me' }, (r) => r.channel === 'chat' && r.source === 'me'],
      [{ text: 'rev PULL' }, (r) => r.title.startsWith('Review')],
      [{ text: 'lunch', channel: 'email' }, (r) => r.title.startsWith('Lunch') && r.channel === 'email'],
    ];
    for (const [filter, keep] of cases) {
      const expected = rows
        .filter(keep)
        .sort(compareKeys)
        .map((r) => r.id);
      expect(await allPages(db, { ...DEFAULT_FILTER, ...filter }, 4)).toEqual(expected);
    }
  });
});

describe('readWindow', () => {
  it('reads the same rows from the top or from any anchor before the window', async () => {
    const db = openTestDb();
    const rows = Array.from({ length: 40 }, (_, i) =>
      row(`w${String(i).padStart(2, '0')}`, { deadline: (i % 7) * HOUR }),
    );
    await seed(db, rows);
    const sorted = rows.sort(compareKeys);
    const fromTop = await readWindow(db, DEFAULT_FILTER, NOW, 17, 6);
    expect(fromTop.map((r) => r.id)).toEqual(sorted.slice(17, 23).map((r) => r.id));
    const anchors = new Map<number, PageKey | null>([
      [10, keyOf(sorted[9]!)],
      [30, keyOf(sorted[29]!)],
    ]);
    const anchor = nearestAnchor(anchors, 17);
    expect(anchor.position).toBe(10);
    const fromAnchor = await readWindow(db, DEFAULT_FILTER, NOW, 17, 6, anchor);
    expect(fromAnchor.map((r) => r.id)).toEqual(fromTop.map((r) => r.id));
  });
});

describe('countInbox', () => {
  it('counts each due group as dueGroup places each row, for the filter', async () => {
    const db = openTestDb();
    const offsets = [-30, -2, 0.5, 3, 13, 20, 30, 50, 90, 200, 400];
    const rows = offsets.map((h, i) =>
      row(`c${i}`, { deadline: NOW + h * HOUR, channel: i % 2 ? 'email' : 'chat' }),
    );
    await seed(db, [...rows, row('done', { status: 'done', deadline: NOW })]);
    const counts = await countInbox(db, DEFAULT_FILTER, ctx);
    const expected = DUE_GROUPS.map((group) => [
      group,
      rows.filter((r) => dueGroup(r.deadline, ctx) === group).length,
    ]).filter(([, count]) => count !== 0);
    expect(counts.groups.map((g) => [g.group, g.count])).toEqual(expected);
    expect(counts.total).toBe(rows.length);
    expect(counts.groups[1]?.start).toBe(counts.groups[0]?.count);

    const email = await countInbox(db, { ...DEFAULT_FILTER, channel: 'email' }, ctx);
    expect(email.total).toBe(rows.filter((r) => r.channel === 'email').length);
    const overdue = await countInbox(db, { ...DEFAULT_FILTER, overdue: true }, ctx);
    expect(overdue.groups).toEqual([{ group: 'overdue', count: 2, start: 0 }]);
    const done = await countInbox(db, { ...DEFAULT_FILTER, status: 'done' }, ctx);
    expect(done.total).toBe(1);
  });

  it('counts search results per group too', async () => {
    const db = openTestDb();
    await seed(db, [
      row('s1', { title: 'Budget review', deadline: NOW - HOUR }),
      row('s2', { title: 'Review the budget', deadline: NOW + HOUR }),
      row('s3', { title: 'Standup notes', deadline: NOW + HOUR, sender: { name: 'Budgie Bot' } }),
    ]);
    const counts = await countInbox(db, { ...DEFAULT_FILTER, text: 'budg' }, ctx);
    expect(counts.groups.map((g) => [g.group, g.count])).toEqual([
      ['overdue', 1],
      ['today', 2],
    ]);
  });
});

describe('search', () => {
  it('finds words of title, sender and snippet by their start, ignoring case and accents', async () => {
    const db = openTestDb();
    await seed(db, [
      row('t1', { title: 'Café opening', snippet: 'Friday at noon' }),
      row('t2', { title: 'Deploy', sender: { name: 'Zoë Ng', handle: 'zng' } }),
      row('t3', { title: 'Other' }),
    ]);
    const find = async (text: string) => (await allPages(db, { ...DEFAULT_FILTER, text }, 10)).sort();
    expect(await find('cafe')).toEqual(['me/t1']);
    expect(await find('FRI noon')).toEqual(['me/t1']);
    expect(await find('zoe')).toEqual(['me/t2']);
    expect(await find('zng')).toEqual(['me/t2']);
    expect(await find('pening')).toEqual([]);
    // One-letter words narrow nothing and are left out; the longest word is looked up first.
    expect(searchTerms('a Deploy to the x cafe')).toEqual(['deploy', 'cafe', 'the', 'to']);
    expect(await find('c')).toEqual(['me/t1', 'me/t2', 'me/t3']);
    expect(await find('zoe n')).toEqual(['me/t2']);
  });

  it('keeps the words true when a row is re-delivered with a new title', async () => {
    const db = openTestDb();
    await seed(db, [row('t1', { title: 'First title' })]);
    await db.items.put(row('t1', { title: 'Second title' }));
    expect(await allPages(db, { ...DEFAULT_FILTER, text: 'first' }, 10)).toEqual([]);
    expect(await allPages(db, { ...DEFAULT_FILTER, text: 'second' }, 10)).toEqual(['me/t1']);
  });
});

describe('facetCounts', () => {
  it('counts each choice with the other filters kept, for plain filters and for a search', async () => {
    const db = openTestDb();
    await seed(db, [
      row('f1', { channel: 'chat', source: 'me', title: 'Deploy plan', deadline: NOW - HOUR }),
      row('f2', { channel: 'chat', source: 'gh', title: 'Deploy failed', deadline: NOW + HOUR }),
      row('f3', { channel: 'email', source: 'gh', title: 'Lunch', deadline: NOW + HOUR }),
      row('f4', { channel: 'email', source: 'gh', title: 'Deploy notes', status: 'done', deadline: NOW }),
    ]);
    const plain = await facetCounts(
      db,
      { ...DEFAULT_FILTER, channel: 'chat' },
      NOW,
      ['chat', 'email'],
      ['me', 'gh'],
    );
    expect(plain).toEqual({
      status: { open: 2, snoozed: 0, done: 0 },
      channel: { chat: 2, email: 1 },
      source: { me: 1, gh: 1 },
      overdue: 1,
    });
    const search = await facetCounts(
      db,
      { ...DEFAULT_FILTER, text: 'depl' },
      NOW,
      ['chat', 'email'],
      ['me', 'gh'],
    );
    expect(search).toEqual({
      status: { open: 2, snoozed: 0, done: 1 },
      channel: { chat: 2, email: 0 },
      source: { me: 1, gh: 1 },
      overdue: 1,
    });
  });
});

describe('readWindow far from any anchor', () => {
  it('seeks a close anchor by deadline and reads the same rows as stepping from the top', async () => {
    const db = openTestDb();
    // 3,000 rows with many ties (every deadline shared by 7 rows), some done.
    const rows = Array.from({ length: 3_000 }, (_, i) =>
      row(`far${String(i).padStart(4, '0')}`, {
        // Consecutive milliseconds: the search's midpoints land on real deadlines, ties and all.
        deadline: Math.floor(i / 7),
        status: i % 11 === 0 ? 'done' : 'open',
      }),
    );
    await seed(db, rows);
    const open = rows.filter((r) => r.status === 'open').sort(compareKeys);
    for (const start of [0, 401, 1_234, 2_000, open.length - 5]) {
      const window = await readWindow(db, DEFAULT_FILTER, NOW, start, 10);
      expect(window.map((r) => r.id)).toEqual(open.slice(start, start + 10).map((r) => r.id));
    }
    const early = await readWindow(db, { ...DEFAULT_FILTER, overdue: true }, 300, 800, 5);
    const overdue = open.filter((r) => r.deadline < 300);
    expect(early.map((r) => r.id)).toEqual(overdue.slice(800, 805).map((r) => r.id));
  });
});
