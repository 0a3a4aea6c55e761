import { describe, expect, it } from 'vitest';
import { benchItem, LATEST_DEADLINE_MS, OLDEST_DEADLINE_MS } from '../../scripts/bench/rows';
import { formatMs, formatRatio, percentile, summarize } from '../../scripts/bench/stats.mjs';
import { ITEM_STATUSES } from '../../src/renderer/db/lull-db';
import { itemWords } from '../../src/renderer/db/search-words';
import { inboxItemSchema } from '../../src/shared/schemas';

const NOW = Date.UTC(2025, 2, 12, 9, 30);
const rows = Array.from({ length: 2000 }, (_, i) => benchItem(i, NOW));

describe('benchItem', () => {
  it('makes distinct ids, each a valid stored item with the words the database would store', () => {
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    for (const row of rows) {
      expect(inboxItemSchema.safeParse(row).success).toBe(true);
      expect(ITEM_STATUSES).toContain(row.status);
      expect(row.words).toEqual(itemWords(row));
      expect(row.id).toBe(`${row.source}/${row.externalId}`);
    }
  });

  it('is the same row for the same index and time', () => {
    expect(benchItem(1234, NOW)).toEqual(rows[1234]);
  });

  it('spreads deadlines from two weeks overdue to four weeks ahead, and snoozes only into the future', () => {
    const deadlines = rows.map((row) => row.deadline);
    expect(Math.min(...deadlines)).toBeGreaterThanOrEqual(NOW - OLDEST_DEADLINE_MS);
    expect(Math.max(...deadlines)).toBeLessThanOrEqual(NOW + LATEST_DEADLINE_MS);
    const overdue = rows.filter((row) => row.deadline < NOW).length / rows.length;
    expect(overdue).toBeGreaterThan(0.2);
    expect(overdue).toBeLessThan(0.4);
    const byStatus = (status: string) => rows.filter((row) => row.status === status);
    expect(byStatus('open').length).toBeGreaterThan(rows.length * 0.8);
    expect(byStatus('done').every((row) => row.doneAt !== undefined && row.doneAt < NOW)).toBe(true);
    expect(byStatus('snoozed').every((row) => (row.snoozedUntil ?? 0) > NOW)).toBe(true);
    expect(new Set(rows.map((row) => row.channel)).size).toBe(8);
  });
});

describe('bench stats', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(summarize(samples)).toEqual({ runs: 10, median: 5, p95: 10, min: 1, max: 10 });
    expect(percentile([], 50)).toBeNaN();
  });

  it('formats times and ratios for people', () => {
    expect(formatMs(3.1234)).toBe('3.12 ms');
    expect(formatMs(420.4)).toBe('420 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
    expect(formatRatio(3.1, 1.2)).toBe('2.6×');
    expect(formatRatio(1, 0)).toBe('–');
  });
});
