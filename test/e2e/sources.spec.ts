import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { wcagViolations } from './axe';
import { type RunningHost, startHost } from './host';

// axe is injected as a script, which the page's CSP rightly forbids; only this context bypasses it.
test.use({ bypassCSP: true });

const SHOTS = '.tmp/screenshots';
const DAY = 86_400_000;
const MALFORMED = readFileSync(path.join(__dirname, '../fixtures/feeds/malformed.xml'), 'utf8');

/** Noon UTC on Monday, Tuesday and Wednesday of a past week: inside working hours, a day apart. */
function pastWeekdays(): [mon: Date, tue: Date, wed: Date] {
  const noon = new Date(Date.now() - 14 * DAY);
  noon.setUTCHours(12, 0, 0, 0);
  const monday = new Date(noon.getTime() - ((noon.getUTCDay() + 6) % 7) * DAY);
  return [monday, new Date(monday.getTime() + DAY), new Date(monday.getTime() + 2 * DAY)];
}

interface Entry {
  readonly id: string;
  readonly title: string;
  readonly at: Date;
}

function rss(entries: readonly Entry[]): string {
  const items = entries
    .map(
      (e) => `<item><guid isPermaLink="false">${e.id}</guid><title>${e.title}</title>
      <link>https://handbook.example.com/${e.id}</link><pubDate>${e.at.toUTCString()}</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Decisions feed</title>
    <link>https://handbook.example.com/</link><description>Decisions</description>${items}</channel></rss>`;
}

/** A tiny feed server: `/feed.xml` serves `entries` (change them between checks), `/broken.xml` bad XML. */
async function feedServer(entries: Entry[]): Promise<{ url(route: string): string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const broken = request.url === '/broken.xml';
    response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    response.end(broken ? MALFORMED : rss(entries));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (route) => `http://127.0.0.1:${port}${route}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const inboxRows = (page: Page) => page.getByRole('list', { name: 'Inbox' }).getByRole('listitem');
const sourceRow = (page: Page, name: string) =>
  page.getByRole('list', { name: 'Sources' }).getByRole('listitem', { name });

async function addFeed(page: Page, name: string, url: string): Promise<void> {
  await page.getByRole('button', { name: 'Add source' }).click();
  const form = page.getByRole('form', { name: 'Add a source' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Feed address').fill(url);
  await form.getByRole('button', { name: 'Add source' }).click();
  await expect(form).toBeHidden();
}

async function setUp(
  page: Page,
  entries: Entry[],
): Promise<{ host: RunningHost; feeds: Awaited<ReturnType<typeof feedServer>> }> {
  const feeds = await feedServer(entries);
  const host = await startHost();
  await page.goto(host.pageUrl);
  await page.getByRole('link', { name: 'Sources' }).click();
  await expect(page.getByRole('heading', { name: 'Sources', level: 2 })).toBeVisible();
  return { host, feeds };
}

test('an RSS source brings its entries into the inbox by deadline; Check now and a broken feed in words', async ({
  page,
}) => {
  const [mon, tue, wed] = pastWeekdays();
  // Out of order in the feed: the inbox sorts by deadline.
  const entries: Entry[] = [
    { id: 'tue', title: 'RFC: async stand-ups', at: tue },
    { id: 'mon', title: 'On-call rota moves to weekly handovers', at: mon },
    { id: 'wed', title: 'New expense policy', at: wed },
  ];
  const { host, feeds } = await setUp(page, entries);
  try {
    await addFeed(page, 'Team handbook', feeds.url('/feed.xml'));
    const handbook = sourceRow(page, 'Team handbook');
    await expect(handbook).toContainText('RSS or Atom feed');
    await expect(handbook).toContainText(/Checked (just now|1 min ago) · next check \d\d:\d\d/);

    await page.getByRole('link', { name: 'Inbox' }).click();
    await expect(inboxRows(page)).toHaveCount(3);
    const titles = await inboxRows(page).allInnerTexts();
    expect(titles.map((text) => entries.find((e) => text.includes(e.title))?.id)).toEqual([
      'mon',
      'tue',
      'wed',
    ]);
    // The row names the source it came from.
    await expect(inboxRows(page).first()).toContainText('Team handbook');
    const deadlines = await inboxRows(page)
      .locator('time')
      .evaluateAll((times) => times.map((t) => Date.parse(t.getAttribute('datetime') ?? '')));
    expect([...deadlines].sort((a, b) => a - b)).toEqual(deadlines);
    expect(new Set(deadlines).size).toBe(3);

    // A new entry shows up on Check now, without waiting for the next poll.
    entries.push({ id: 'thu', title: 'Office closed on Friday', at: new Date(wed.getTime() + DAY) });
    await page.getByRole('link', { name: 'Sources' }).click();
    await handbook.getByRole('button', { name: 'Check now Team handbook' }).click();
    await expect(handbook).toContainText('Checked');
    await page.getByRole('link', { name: 'Inbox' }).click();
    await expect(inboxRows(page)).toHaveCount(4);
    await expect(inboxRows(page).last()).toContainText('Office closed on Friday');

    // A feed that is not XML: its error in words, while the first keeps working.
    await page.getByRole('link', { name: 'Sources' }).click();
    await addFeed(page, 'Broken feed', feeds.url('/broken.xml'));
    const broken = sourceRow(page, 'Broken feed');
    await expect(broken).toContainText(`Error: The feed at ${feeds.url('/broken.xml')} is not valid XML`);
    await handbook.getByRole('button', { name: 'Check now Team handbook' }).click();
    await expect(handbook).toContainText(/Checked (just now|1 min ago)/);

    // Pause and resume, then remove behind a confirmation.
    await broken.getByRole('button', { name: 'Pause Broken feed' }).click();
    await expect(broken).toContainText('Paused');
    await broken.getByRole('button', { name: 'Resume Broken feed' }).click();
    await expect(broken).not.toContainText('Paused');
    await broken.getByRole('button', { name: 'Remove Broken feed' }).click();
    await broken.getByRole('button', { name: 'Remove Broken feed for good' }).click();
    await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(1);
    await expect(inboxRows(page)).toHaveCount(0);
    await page.getByRole('link', { name: 'Inbox' }).click();
    await expect(inboxRows(page)).toHaveCount(4);
  } finally {
    await host.stop();
    await feeds.close();
  }
});

test('the add form says what is wrong next to each field', async ({ page }) => {
  const { host, feeds } = await setUp(page, []);
  try {
    await page.getByRole('button', { name: 'Add source' }).click();
    const form = page.getByRole('form', { name: 'Add a source' });
    await form.getByLabel('Check every (minutes)').fill('90');
    await form.getByRole('button', { name: 'Add source' }).click();
    await expect(form.getByLabel('Name')).toBeFocused();
    await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Name')).toHaveAccessibleDescription('Give the source a name');
    await expect(form.getByLabel('Check every (minutes)')).toHaveAccessibleDescription(
      /Check every 1 to 60 whole minutes/,
    );
    await form.getByRole('radio', { name: 'GitHub notifications' }).check();
    await expect(form.getByLabel('API address')).toHaveValue('https://api.github.com');
    await expect(form.getByLabel('Personal access token')).toHaveAttribute('type', 'password');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('button', { name: 'Add source' })).toBeFocused();
  } finally {
    await host.stop();
    await feeds.close();
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the sources view has no WCAG 2.1 A/AA violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const { host, feeds } = await setUp(page, [{ id: 'a', title: 'Entry', at: pastWeekdays()[0] }]);
    try {
      await addFeed(page, 'Team handbook', feeds.url('/feed.xml'));
      await addFeed(page, 'Broken feed', feeds.url('/broken.xml'));
      await expect(sourceRow(page, 'Broken feed')).toContainText('is not valid XML');
      await expect(sourceRow(page, 'Team handbook')).toContainText('Checked');
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/sources-${scheme}.png`, fullPage: true });

      await page.getByRole('button', { name: 'Add source' }).click();
      await page.getByRole('radio', { name: 'IMAP mail' }).check();
      await page
        .getByRole('form', { name: 'Add a source' })
        .getByRole('button', { name: 'Add source' })
        .click();
      await expect(page.getByLabel('Mail server')).toHaveAttribute('aria-invalid', 'true');
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({ path: `${SHOTS}/sources-form-${scheme}.png`, fullPage: true });
    } finally {
      await host.stop();
      await feeds.close();
    }
  });
}
