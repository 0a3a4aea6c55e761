import { expect, type Page, test } from '@playwright/test';
import { DUE_GROUP_LABELS, dueGroup } from '../../src/shared/due-format';
import { wcagViolations } from './axe';
import { type RunningHost, startHost } from './host';

const HOUR = 3_600_000;

// axe is injected as a script, which the page's CSP rightly forbids; this file's contexts bypass it.
test.use({ bypassCSP: true });
const list = (page: Page) => page.getByRole('list', { name: 'Inbox' });
const rows = (page: Page) => list(page).getByRole('listitem');
const row = (page: Page, title: string) => rows(page).filter({ hasText: title });
const detail = (page: Page) =>
  page.getByRole('region').filter({ has: page.getByRole('heading', { level: 3 }) });

/** The status tabs are radios drawn as labels: click the label, as a person does. */
async function showStatus(page: Page, name: 'Inbox' | 'Snoozed' | 'Done'): Promise<void> {
  const radio = page.getByRole('radio', { name: new RegExp(`^${name}`) });
  await radio.locator('xpath=..').click();
  await expect(radio).toBeChecked();
}

async function push(host: RunningHost, updates: Record<string, unknown>[]): Promise<void> {
  const response = await host.api('/v1/updates', { body: { updates } });
  expect(response.status, await response.clone().text()).toBe(202);
}

/** Updates with explicit deadlines spread over days and channels, so the groups are known. */
function seeded(now: number) {
  const at = (hours: number) => new Date(now + hours * HOUR).toISOString();
  return [
    { externalId: 'late', channel: 'chat', title: 'Overdue chat', deadline: at(-3) },
    { externalId: 'soon', channel: 'email', title: 'Due soon email', deadline: at(0.5) },
    { externalId: 'day2', channel: 'review', title: 'Review in two days', deadline: at(49) },
    { externalId: 'day1', channel: 'doc', title: 'Doc tomorrow-ish', deadline: at(26) },
    { externalId: 'far', channel: 'task', title: 'Task in three weeks', deadline: at(21 * 24) },
    { externalId: 'week', channel: 'email', title: 'Email in five days', deadline: at(5 * 24) },
  ].map((u) => ({ source: 'e2e', sender: { name: 'Ana', timeZone: 'Asia/Tokyo' }, ...u }));
}

test('seeded items fall into their due groups, in deadline order, with counts', async ({ page }) => {
  const host = await startHost();
  try {
    const now = Date.now();
    const updates = seeded(now);
    await push(host, updates);
    await page.goto(host.pageUrl);
    await expect(rows(page)).toHaveCount(updates.length);

    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const byDeadline = [...updates].sort((a, b) => Date.parse(a.deadline) - Date.parse(b.deadline));
    const texts = await rows(page).allInnerTexts();
    expect(texts.map((text) => byDeadline.find((u) => text.includes(u.title))?.title)).toEqual(
      byDeadline.map((u) => u.title),
    );

    // Each group's heading, with its count, in order: computed the way a person would read the dates.
    const groups = new Map<string, number>();
    for (const u of byDeadline) {
      const label = DUE_GROUP_LABELS[dueGroup(Date.parse(u.deadline), { now: Date.now(), zone })];
      groups.set(label, (groups.get(label) ?? 0) + 1);
    }
    const headings = await list(page).getByRole('heading', { level: 3 }).allInnerTexts();
    // Headings are drawn in capitals; compare the words.
    expect(headings.map((h) => h.replace(/\s+/g, ' ').trim().toUpperCase())).toEqual(
      [...groups].map(([label, count]) =>
        `${label} ${count} (${count} ${count === 1 ? 'item' : 'items'})`.toUpperCase(),
      ),
    );
    await expect(row(page, 'Overdue chat')).toContainText('overdue by 3 h');
    await expect(row(page, 'Due soon email')).toContainText('Due soon');

    // Filters and counts follow each other: Email only, then search.
    await page.getByLabel('Channel').selectOption('email');
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByLabel('Channel').locator('option[value="email"]')).toHaveText('Email (2)');
    await page.getByLabel('Channel').selectOption('');
    await page.getByRole('searchbox', { name: 'Search the inbox' }).fill('revi');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('Review in two days');
    await expect(page.getByRole('radio', { name: /Inbox/ })).toHaveAccessibleName(/Inbox\s*1/);
    await page.getByRole('searchbox', { name: 'Search the inbox' }).fill('');
    await page.getByText('Overdue only').click();
    await expect(rows(page)).toHaveCount(1);
    await page.getByText('Overdue only').click();
    await expect(rows(page)).toHaveCount(updates.length);
  } finally {
    await host.stop();
  }
});

test('every inbox shortcut works from the keyboard', async ({ page }) => {
  const host = await startHost();
  try {
    const updates = seeded(Date.now()).map((u) => ({ ...u, url: `https://example.com/${u.externalId}` }));
    await push(host, updates);
    await page.goto(host.pageUrl);
    await expect(rows(page)).toHaveCount(updates.length);
    const titles = (await rows(page).allInnerTexts()).map(
      (t) => updates.find((u) => t.includes(u.title))!.title,
    );

    // j / k move the cursor (focus) down and up.
    await page.keyboard.press('j');
    await expect(rows(page).nth(0)).toBeFocused();
    await page.keyboard.press('j');
    await expect(rows(page).nth(1)).toBeFocused();
    await page.keyboard.press('k');
    await expect(rows(page).nth(0)).toBeFocused();

    // Enter opens the detail pane (snippet, reason, sender's time, link); Escape closes it.
    await page.keyboard.press('Enter');
    const pane = detail(page);
    await expect(pane.getByRole('heading', { name: titles[0] })).toBeFocused();
    await expect(pane).toContainText('Their time:');
    await expect(pane).toContainText('Asia/Tokyo');
    await expect(pane.getByRole('button', { name: /Open link/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(pane).toHaveCount(0);
    await expect(rows(page).nth(0)).toBeFocused();
    // o opens it too.
    await page.keyboard.press('o');
    await expect(detail(page).getByRole('heading', { name: titles[0] })).toBeVisible();
    await page.keyboard.press('Escape');

    // e: done, the row leaves; z: undo brings it back.
    await page.keyboard.press('e');
    await expect(row(page, titles[0]!)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Marked done' })).toBeVisible();
    await page.keyboard.press('z');
    await expect(row(page, titles[0]!)).toHaveCount(1);

    // s: the snooze menu, on its first choice; Escape closes it.
    await rows(page).nth(0).focus();
    await page.keyboard.press('s');
    const menu = page.getByRole('dialog', { name: /Snooze this item/ });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('button').first()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);

    // x selects two rows; e then marks both done at once.
    await rows(page).nth(0).focus();
    await page.keyboard.press('x');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await expect(page.getByRole('region', { name: 'Selected items' })).toContainText('2 selected');
    await page.keyboard.press('e');
    await expect(rows(page)).toHaveCount(updates.length - 2);
    await expect(row(page, titles[0]!)).toHaveCount(0);
    await expect(row(page, titles[1]!)).toHaveCount(0);
    await page.keyboard.press('z');
    await expect(rows(page)).toHaveCount(updates.length);

    // / focuses search; typing filters; Escape clears it.
    await rows(page).nth(0).focus();
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: 'Search the inbox' });
    await expect(search).toBeFocused();
    await page.keyboard.type('three weeks');
    await expect(rows(page)).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(rows(page)).toHaveCount(updates.length);

    // ? lists the shortcuts.
    await rows(page).nth(0).focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Undo the last action');
    await page.keyboard.press('Escape');
    await expect(help).toHaveCount(0);
  } finally {
    await host.stop();
  }
});

test('a snoozed item disappears and returns at its time', async ({ page }) => {
  const host = await startHost();
  try {
    await page.clock.install();
    await push(host, seeded(Date.now()).slice(0, 2));
    await page.goto(host.pageUrl);
    await expect(rows(page)).toHaveCount(2);
    await row(page, 'Overdue chat').getByRole('button', { name: 'Snooze: Overdue chat' }).click();
    const menu = page.getByRole('dialog', { name: /Snooze this item/ });
    // A custom time five minutes from now, as the page's clock reads it.
    const local = await page.evaluate(() => {
      const d = new Date(Date.now() + 5 * 60_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    });
    await menu.getByLabel('Pick a time').fill(local);
    await menu.getByRole('button', { name: 'Snooze', exact: true }).click();
    await expect(row(page, 'Overdue chat')).toHaveCount(0);
    await showStatus(page, 'Snoozed');
    await expect(row(page, 'Overdue chat')).toHaveCount(1);
    await showStatus(page, 'Inbox');
    await expect(row(page, 'Overdue chat')).toHaveCount(0);

    // Six minutes later it is back in the inbox.
    await page.clock.fastForward('06:00');
    await expect(row(page, 'Overdue chat')).toHaveCount(1);
  } finally {
    await host.stop();
  }
});

test('a done item returns when its thread has new activity; reopen and deadline changes work', async ({
  page,
}) => {
  const host = await startHost();
  try {
    const receivedAt = new Date(Date.now() - HOUR).toISOString();
    await push(host, [
      {
        source: 'e2e',
        externalId: 'pr-1',
        threadId: 'pr-42',
        channel: 'review',
        title: 'PR 42 opened',
        receivedAt,
      },
    ]);
    await page.goto(host.pageUrl);
    await row(page, 'PR 42 opened').getByRole('button', { name: 'Done: PR 42 opened' }).click();
    await expect(rows(page)).toHaveCount(0);

    // Done view: the item is there and can be reopened.
    await showStatus(page, 'Done');
    await expect(row(page, 'PR 42 opened')).toHaveCount(1);
    await showStatus(page, 'Inbox');

    await push(host, [
      {
        source: 'e2e',
        externalId: 'pr-1-comment',
        threadId: 'pr-42',
        channel: 'review',
        title: 'New comment on PR 42',
        receivedAt: new Date().toISOString(),
      },
    ]);
    await expect(row(page, 'New comment on PR 42')).toHaveCount(1);
    await expect(row(page, 'PR 42 opened')).toHaveCount(1);

    // Change the deadline from the detail pane: the row moves to the new time.
    await row(page, 'PR 42 opened').click();
    await detail(page).getByRole('button', { name: 'Change deadline…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the deadline' });
    const local = await page.evaluate(() => {
      const d = new Date(Date.now() + 30 * 24 * 3_600_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T09:30`;
    });
    await dialog.getByLabel('Reply by').fill(local);
    await dialog.getByRole('button', { name: 'Save deadline' }).click();
    await expect(row(page, 'PR 42 opened')).toContainText('09:30');
    await expect(rows(page).last()).toContainText('PR 42 opened');
    // The core has it too: after a reload from the core's journal the deadline stays.
    await page.reload();
    await expect(rows(page).last()).toContainText('PR 42 opened');
    await expect(row(page, 'PR 42 opened')).toContainText('09:30');
  } finally {
    await host.stop();
  }
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the inbox with filters, detail pane and dialogs has no WCAG 2.1 A/AA violations (${scheme})`, async ({
    page,
  }) => {
    const host = await startHost();
    try {
      await page.emulateMedia({ colorScheme: scheme });
      await push(host, seeded(Date.now()));
      await page.goto(host.pageUrl);
      await expect(rows(page)).toHaveCount(6);
      await rows(page).nth(1).click();
      await page.keyboard.press('x');
      await expect(detail(page)).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);
      await page.keyboard.press('s');
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);
    } finally {
      await host.stop();
    }
  });
}
