import { expect, type Page, test } from '@playwright/test';
import { type RunningHost, startHost } from './host';
import { notifications, stubNotifications } from './notifications';

const inboxRow = (page: Page, title: string) =>
  page.getByRole('list', { name: 'Inbox' }).getByRole('listitem').filter({ hasText: title });

function push(host: RunningHost, updates: object[]) {
  return host.api('/v1/updates', { body: { updates: updates.map((u) => ({ source: 'e2e', ...u })) } });
}

async function focusOn(page: Page) {
  await page.getByRole('button', { name: /^Focus/, pressed: false }).click();
  await expect(page.getByRole('button', { name: /^Focus/, pressed: true })).toBeVisible();
}

const focusActive = async (host: RunningHost) => (await (await host.api('/v1/focus')).json()).active;

test('during focus only the urgent update notifies, with its reason; focus end brings one digest', async ({
  page,
}) => {
  const host = await startHost();
  try {
    await stubNotifications(page);
    await page.goto(host.pageUrl);
    await focusOn(page);

    const pushed = await push(host, [
      { externalId: 'notes', channel: 'email', title: 'Weekly notes', sender: { name: 'Bo' } },
      {
        externalId: 'page',
        channel: 'chat',
        title: 'Prod is down',
        sender: { name: 'Pager' },
        priority: 'urgent',
      },
    ]);
    expect(pushed.status).toBe(202);
    await expect(inboxRow(page, 'Weekly notes')).toBeVisible();
    await expect(page.getByRole('button', { name: /^1 held/ })).toBeVisible();
    await expect.poll(() => notifications(page)).toHaveLength(1);
    const [urgent] = await notifications(page);
    expect(urgent).toMatchObject({ title: 'Prod is down', tag: 'e2e/page', requireInteraction: true });
    expect(urgent?.body).toContain('broke through: marked urgent');

    // The reason is stored with each item and read as one sentence.
    await expect(inboxRow(page, 'Prod is down')).toContainText('Broke through: marked urgent');
    // Open-ended focus promises no time: the update waits until focus ends.
    await expect(inboxRow(page, 'Weekly notes')).toContainText('Held: until focus ends');

    await page.getByRole('button', { name: /^Focus/, pressed: true }).click();
    await expect.poll(() => notifications(page)).toHaveLength(2);
    const digest = (await notifications(page))[1];
    expect(digest).toMatchObject({ title: 'Lull', tag: 'lull-digest' });
    expect(digest?.body).toMatch(/^1 update\b.*Weekly notes from Bo/);

    const panel = page.getByRole('dialog', { name: 'Catch-up after focus' });
    await expect(panel).toBeVisible();
    const listed = panel.getByRole('list', { name: 'Updates in this summary' }).getByRole('listitem');
    await expect(listed).toHaveCount(1);
    await expect(listed.first()).toContainText('Weekly notes');
    await expect(listed.first()).toContainText('Bo');
    await expect(page.getByRole('button', { name: /held/ })).toHaveCount(0);

    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    expect(await notifications(page)).toHaveLength(2);
  } finally {
    await host.stop();
  }
});

test('peek shows what is held without releasing it; Show held updates now releases one digest without what is done', async ({
  page,
}) => {
  const host = await startHost();
  try {
    const refusals: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('refused')) refusals.push(message.text());
    });
    await stubNotifications(page);
    await page.goto(host.pageUrl);
    await focusOn(page);
    await push(host, [
      {
        externalId: 'a',
        channel: 'email',
        title: 'Budget draft',
        sender: { name: 'Ana' },
        url: 'https://example.com/a',
      },
      { externalId: 'b', channel: 'doc', title: 'Spec comments', sender: { name: 'Bo' } },
      { externalId: 'c', channel: 'task', title: 'Old ticket', sender: { name: 'Cy' } },
    ]);
    await expect(page.getByRole('button', { name: /^3 held/ })).toBeVisible();

    // Done before any release: the core drops it from the held queue.
    await inboxRow(page, 'Old ticket').getByRole('button', { name: 'Done: Old ticket' }).click();
    await expect(inboxRow(page, 'Old ticket')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^2 held/ })).toBeVisible();

    const held = page.getByRole('button', { name: /^2 held/ });
    await held.click();
    const peek = page.getByRole('dialog', { name: 'Held updates' });
    await expect(peek).toBeVisible();
    const heldRows = peek.getByRole('list', { name: 'Held updates' }).getByRole('listitem');
    await expect(heldRows).toHaveCount(2);
    await expect(peek).not.toContainText('Old ticket');
    await expect(heldRows.first()).toBeFocused();
    expect(await focusActive(host)).toBe(true);
    expect(await notifications(page)).toHaveLength(0);

    // Escape closes the peek and focus goes back to the indicator; nothing was released.
    await page.keyboard.press('Escape');
    await expect(peek).toBeHidden();
    await expect(held).toBeFocused();
    expect((await (await host.api('/v1/digest/next')).json()).heldCount).toBe(2);

    await held.press('Enter');
    await expect(peek).toBeVisible();
    await peek.getByRole('button', { name: 'Show held updates now' }).click();
    const digest = page.getByRole('dialog', { name: 'Shown on request' });
    await expect(digest).toBeVisible();
    const rows = digest.getByRole('list', { name: 'Updates in this summary' }).getByRole('listitem');
    await expect(rows).toHaveCount(2);
    await expect(digest).not.toContainText('Old ticket');
    await expect.poll(() => notifications(page)).toHaveLength(1);
    expect((await notifications(page))[0]?.body).toMatch(/^2 updates\b/);
    await expect(page.getByRole('button', { name: /held/ })).toHaveCount(0);
    expect(await focusActive(host)).toBe(true);

    // Keyboard: j moves down, e marks done (Dexie and the inbox follow), k moves back up.
    await expect(rows.first()).toBeFocused();
    const first = (await rows.first().getAttribute('data-item-id')) ?? '';
    await page.keyboard.press('j');
    await expect(rows.nth(1)).toBeFocused();
    await page.keyboard.press('k');
    await expect(rows.first()).toBeFocused();
    await page.keyboard.press('e');
    await expect(rows.first()).toContainText('Done');
    await expect(page.locator(`.inbox-item[data-item-id="${first}"]`)).toHaveCount(0);
    // s snoozes until the next working morning: the inbox hides it, and the core takes the change.
    await page.keyboard.press('j');
    await page.keyboard.press('s');
    await expect(rows.nth(1)).toContainText('Snoozed until');
    await page.keyboard.press('Escape');
    await expect(digest).toBeHidden();
    await expect(page.getByRole('list', { name: 'Inbox' })).toHaveCount(0);
    expect(refusals).toEqual([]);
  } finally {
    await host.stop();
  }
});

test('the standalone peek page releases on demand and Escape goes back to the inbox', async ({ page }) => {
  const host = await startHost();
  try {
    await stubNotifications(page);
    await page.goto(host.pageUrl);
    await focusOn(page);
    await push(host, [
      { externalId: 'x', channel: 'email', title: 'Quarterly numbers', sender: { name: 'Di' } },
    ]);
    await expect(page.getByRole('button', { name: /^1 held/ })).toBeVisible();

    await page.goto(`${new URL(host.pageUrl).origin}/#/digest?peek=1`);
    await expect(page.getByRole('heading', { name: 'Held updates' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Held updates' })).toContainText('Quarterly numbers');
    await page.getByRole('button', { name: 'Show held updates now' }).click();
    await expect(page).toHaveURL(/#\/digest$/);
    await expect(page.getByRole('heading', { name: 'Shown on request' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Updates in this summary' })).toContainText(
      'Quarterly numbers',
    );
    await expect.poll(() => notifications(page)).toHaveLength(1);
    // The standalone page is already showing it: no panel on top.
    await expect(page.getByRole('dialog')).toHaveCount(0);

    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/#\/inbox$/);
    await expect(page.getByRole('list', { name: 'Inbox' })).toContainText('Quarterly numbers');
  } finally {
    await host.stop();
  }
});

test('delivery settings: a charter warning appears as summary times spread out, and the saved times stay', async ({
  page,
}) => {
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Delivery' })).toBeVisible();
    const times = page.getByRole('group', { name: 'Summary times' }).locator('input[type="time"]');
    await expect(times).toHaveCount(3);
    const status = page.getByRole('status').filter({ hasText: 'Charter check' });
    await expect(status).toContainText('Every reply window in your charter fits');

    await page.getByRole('button', { name: 'Remove 13:00' }).click();
    await expect(times).toHaveCount(2);
    await expect(status).toContainText(/chat replies within 4 h need a summary at least every 3\.5 h/i);
    await expect(status).toContainText('summaries are up to 6 h apart');

    // A field's problem in words, next to it; the charter waits for a valid policy.
    await page.getByLabel('Margin in minutes').fill('');
    await page.getByLabel('Margin in minutes').blur();
    await expect(
      page.getByText('The margin must be a whole number of minutes from 0 to 1440.'),
    ).toBeVisible();
    await expect(status).toContainText('Fix the fields marked above');
    await page.getByLabel('Margin in minutes').fill('30');

    await page.getByRole('button', { name: 'Save delivery settings' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();

    await page.reload();
    await expect(times).toHaveCount(2);
    await expect(times.nth(0)).toHaveValue('10:00');
    await expect(times.nth(1)).toHaveValue('16:00');
    await expect(status).toContainText(/chat replies within 4 h/i);
  } finally {
    await host.stop();
  }
});
