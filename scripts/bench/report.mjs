// The benchmark's table: measured numbers only, each line saying what was measured.
import { formatMs, formatRatio, summarize } from './stats.mjs';

const n = (value) => value.toLocaleString('en-US');
const stat = (s) => `median ${formatMs(s.median)} (p95 ${formatMs(s.p95)})`;
const rows = (at) => `${at.rows}${at.placeholders ? ` incl. ${at.placeholders} placeholders` : ''}`;

function appLines(count, app) {
  const loads = summarize(app.firstRows);
  const loaded = summarize(app.pageLoaded);
  const jump = Object.fromEntries(app.jumps.map((j) => [j.name, j]));
  const jumps = summarize(app.jumps.map((j) => j.ms));
  return [
    `In the app (browser host in Chromium, 1280×800 viewport; the list shows the ${n(app.total)} open items)`,
    `  items ${count} · time to first rows ${formatMs(loads.median)} · DOM rows ${rows(app.top)} (top) / ${rows(jump.middle)} (middle) / ${rows(jump.end)} (end)`,
    `  first rows: median of ${loads.runs} loads, first load ${formatMs(app.firstRows[0])}, p95 ${formatMs(loads.p95)}; DOMContentLoaded at ${formatMs(loaded.median)}; ${n(app.top.elements)} DOM elements in all`,
    `  rows in view after a scroll jump: middle ${formatMs(jump.middle.ms)} · end ${formatMs(jump.end.ms)} · back to top ${formatMs(jump.top.ms)} · median of ${jumps.runs} jumps ${formatMs(jumps.median)}`,
    `  (first row in view: middle #${n(jump.middle.firstVisible)}, end #${n(jump.end.firstVisible)})`,
  ];
}

function queryLines(queries, position) {
  const page = { inbox: summarize(queries.page.inbox), raw: summarize(queries.page.raw) };
  const counts = { inbox: summarize(queries.counts.inbox), raw: summarize(queries.counts.raw) };
  const lines = [
    `Queries in Chromium (their own page and database; ${n(queries.total)} open rows, zone ${queries.zone}; ${page.inbox.runs} runs after warm-up)`,
    `  readWindow@${position} (${queries.page.rows} rows, keyset anchor) ${stat(page.inbox)} · raw IDB getAll ${stat(page.raw)} · ratio ${formatRatio(page.inbox.median, page.raw.median)}`,
    `  countInbox (5 due groups) ${stat(counts.inbox)} · raw 5× IDBIndex.count ${stat(counts.raw)} · ratio ${formatRatio(counts.inbox.median, counts.raw.median)}`,
  ];
  if (!queries.page.sameRows)
    lines.push(
      '  note: the raw getAll returned other rows than readWindow (deadline ties at the page edges)',
    );
  lines.push(
    'Other inbox queries at this size (5 runs each, 2 when one takes over a second; → rows or count)',
  );
  const width = Math.max(...queries.extras.map((extra) => extra.name.length));
  for (const extra of queries.extras)
    lines.push(`  ${extra.name.padEnd(width)}  ${stat(summarize(extra.samples))} → ${n(extra.result)}`);
  return lines;
}

/**
 * @param {{ count: number, cpus: number, browser: string, seconds: number, seed: any, app: any,
 *   queries: any, position: number }} results
 */
export function formatReport({ count, cpus, browser, seconds, seed, app, queries, position }) {
  return [
    `Lull inbox benchmark · ${n(count)} items · Chromium ${browser} · ${cpus} CPUs`,
    `seeding both databases at once (raw IndexedDB, not timed below): app ${formatMs(seed.app.ms)} · query page ${formatMs(seed.queries.ms)}`,
    '',
    ...appLines(count, app),
    '',
    ...queryLines(queries, position),
    '',
    `whole run ${seconds.toFixed(0)} s`,
  ].join('\n');
}
