import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { type RunningHost, startHost } from './host';

const list = (page: Page) => page.getByRole('list', { name: 'Inbox' });
const rows = (page: Page) => list(page).getByRole('listitem');
const row = (page: Page, title: string) => rows(page).filter({ hasText: title });

async function showStatus(page: Page, name: 'Inbox' | 'Snoozed' | 'Done'): Promise<void> {
  const radio = page.getByRole('radio', { name: new RegExp(`^${name}`) });
  await radio.locator('xpath=..').click();
  await expect(radio).toBeChecked();
}

/** Rows of the page's outbox: changes made here that the core has not confirmed yet. */
const pendingChanges = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('lull');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const count = open.result.transaction('outbox').objectStore('outbox').count();
          count.onsuccess = () => {
            resolve(count.result);
            open.result.close();
          };
        };
      }),
  );

test('a fresh browser profile shows the same inbox, with the same done and snoozed states', async ({
  browser,
}) => {
  const host: RunningHost = await startHost();
  const contexts: BrowserContext[] = [];
  try {
    const titles = ['Reply to Ana', 'Review PR 7', 'Budget doc', 'Call the bank'];
    const response = await host.api('/v1/updates', {
      body: {
        updates: titles.map((title, n) => ({ source: 'e2e', externalId: String(n), channel: 'chat', title })),
      },
    });
    expect(response.status).toBe(202);

    const first = await browser.newContext();
    contexts.push(first);
    const page = await first.newPage();
    await page.goto(host.pageUrl);
    await expect(rows(page)).toHaveCount(4);
    await row(page, 'Reply to Ana').getByRole('button', { name: 'Done: Reply to Ana' }).click();
    await row(page, 'Review PR 7').getByRole('button', { name: 'Snooze: Review PR 7' }).click();
    const menu = page.getByRole('dialog', { name: /Snooze this item/ });
    await menu
      .getByRole('button')
      .filter({ hasText: /Tomorrow|Next week/ })
      .first()
      .click();
    await expect(rows(page)).toHaveCount(2);
    // The first window has told the core, and acked the journal (so the core compacted it away).
    await expect.poll(() => pendingChanges(page)).toBe(0);

    const second = await browser.newContext();
    contexts.push(second);
    const fresh = await second.newPage();
    await fresh.goto(host.pageUrl);
    await expect(rows(fresh)).toHaveCount(2);
    await expect(row(fresh, 'Budget doc')).toHaveCount(1);
    await expect(row(fresh, 'Call the bank')).toHaveCount(1);
    await showStatus(fresh, 'Done');
    await expect(row(fresh, 'Reply to Ana')).toHaveCount(1);
    await showStatus(fresh, 'Snoozed');
    await expect(row(fresh, 'Review PR 7')).toHaveCount(1);

    // Both windows follow the core from here on.
    await host.api('/v1/updates', {
      body: { source: 'e2e', externalId: 'new', channel: 'chat', title: 'Lunch?' },
    });
    await showStatus(fresh, 'Inbox');
    await expect(row(fresh, 'Lunch?')).toHaveCount(1);
    await expect(row(page, 'Lunch?')).toHaveCount(1);
  } finally {
    for (const context of contexts) await context.close();
    await host.stop();
  }
});
