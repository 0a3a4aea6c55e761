import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { wcagViolations } from './axe';
import { type RunningHost, startHost } from './host';

// axe is injected as a script, which the page's CSP rightly forbids; only this context bypasses it.
test.use({ bypassCSP: true });

const SECRETS = ['ghp_secret123456', 'imap-pass-987'];
const TITLES = ['Launch checklist', 'Review: tray icons', 'Board numbers', 'Lunch on Friday?'];

const inboxRows = (page: Page) => page.getByRole('list', { name: 'Inbox' }).getByRole('listitem');

interface ExportedItem {
  id: string;
  title: string;
  status: string;
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Backup', level: 3 })).toBeVisible();
}

/** Clicks Export backup and answers the file's text. */
async function exportBackup(page: Page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^lull-backup-\d{4}-\d\d-\d\d\.json$/);
  return readFileSync(await download.path(), 'utf8');
}

async function importBackup(page: Page, file: string): Promise<void> {
  await page.getByLabel('Import backup').setInputFiles(file);
}

const statusById = (text: string) =>
  Object.fromEntries(
    (JSON.parse(text) as { items: ExportedItem[] }).items.map((item) => [item.id, item.status]),
  );

test('export, wipe, import: every item comes back with its state, and a second import adds nothing', async ({
  page,
  browser,
}, testInfo) => {
  let host: RunningHost | null = await startHost();
  let fresh: RunningHost | null = null;
  let context: BrowserContext | null = null;
  try {
    const receivedAt = new Date(Date.now() - 60_000).toISOString();
    const response = await host.api('/v1/updates', {
      body: {
        updates: TITLES.map((title, index) => ({
          source: 'e2e',
          externalId: `u${index}`,
          channel: 'chat',
          title,
          receivedAt,
        })),
      },
    });
    expect(response.status).toBe(202);
    await page.goto(host.pageUrl);
    await expect(inboxRows(page)).toHaveCount(4);
    await page.getByRole('button', { name: `Done: ${TITLES[0]}` }).click();
    await page.getByRole('button', { name: `Snooze: ${TITLES[1]}` }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^Tomorrow morning/ })
      .click();
    await expect(inboxRows(page)).toHaveCount(2);

    await openSettings(page);
    const text = await exportBackup(page);
    await expect(page.getByRole('status').filter({ hasText: 'Exported 4 items' })).toBeVisible();
    const file = testInfo.outputPath('backup.json');
    writeFileSync(file, text);
    const before = statusById(text);
    expect(Object.values(before).sort()).toEqual(['done', 'open', 'open', 'snoozed']);

    // Wipe: a new host with a fresh data dir, and a new browser context with a fresh IndexedDB.
    await host.stop();
    host = null;
    fresh = await startHost();
    context = await browser.newContext();
    const restored = await context.newPage();
    await restored.goto(fresh.pageUrl);
    await expect(restored.getByText('No updates yet')).toBeVisible();
    await openSettings(restored);
    await importBackup(restored, file);
    await expect(restored.getByRole('status').filter({ hasText: 'Imported 4 items (4 new' })).toBeVisible();

    await restored.getByRole('link', { name: 'Inbox' }).click();
    await expect(inboxRows(restored)).toHaveCount(2);
    await expect(inboxRows(restored).filter({ hasText: TITLES[2] })).toHaveCount(1);
    await expect(inboxRows(restored).filter({ hasText: TITLES[3] })).toHaveCount(1);

    // The done and the snoozed one are there, only not in the open list.
    await openSettings(restored);
    expect(statusById(await exportBackup(restored))).toEqual(before);

    await importBackup(restored, file);
    await expect(
      restored
        .getByRole('status')
        .filter({ hasText: 'Imported 4 items (0 new, 0 updated, 4 already up to date)' }),
    ).toBeVisible();
    await restored.getByRole('link', { name: 'Inbox' }).click();
    await expect(inboxRows(restored)).toHaveCount(2);
  } finally {
    await context?.close();
    await host?.stop();
    await fresh?.stop();
  }
});

test('a file that is not a backup is refused in words and changes nothing', async ({ page }, testInfo) => {
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    await openSettings(page);
    const file = testInfo.outputPath('not-a-backup.json');
    writeFileSync(file, '{"hello": "world"}');
    await importBackup(page, file);
    await expect(page.getByRole('alert')).toHaveText('Nothing was imported. This file is not a Lull backup.');
  } finally {
    await host.stop();
  }
});

test('after adding a GitHub and an IMAP source, the export, the settings file and the logs hold no secret', async ({
  page,
}) => {
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    await page.getByRole('link', { name: 'Sources' }).click();
    const form = page.getByRole('form', { name: 'Add a source' });

    await page.getByRole('button', { name: 'Add source' }).click();
    await form.getByRole('radio', { name: 'GitHub notifications' }).check();
    await form.getByLabel('Name', { exact: true }).fill('Work GitHub');
    await form.getByLabel('API address').fill('http://127.0.0.1:9');
    await form.getByLabel('Personal access token').fill(SECRETS[0]!);
    await form.getByRole('button', { name: 'Add source' }).click();
    await expect(form).toBeHidden();

    await page.getByRole('button', { name: 'Add source' }).click();
    await form.getByRole('radio', { name: 'IMAP mail' }).check();
    await form.getByLabel('Name', { exact: true }).fill('Work mail');
    await form.getByLabel('Mail server').fill('127.0.0.1');
    await form.getByLabel('Port', { exact: true }).fill('9');
    await form.getByLabel('Use TLS').uncheck();
    await form.getByLabel('User name').fill('me');
    await form.getByLabel('Password', { exact: true }).fill(SECRETS[1]!);
    await form.getByRole('button', { name: 'Add source' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).toHaveCount(2);

    await openSettings(page);
    const text = await exportBackup(page);
    const settingsFile = path.join(host.dataDir, 'settings.json');
    const settings = readFileSync(settingsFile, 'utf8');
    // The sources themselves are in the settings and the export; only their secrets are not.
    for (const name of ['Work GitHub', 'Work mail']) {
      expect(settings).toContain(name);
      expect(text).toContain(name);
    }
    for (const secret of SECRETS) {
      expect(text).not.toContain(secret);
      expect(settings).not.toContain(secret);
      expect(host.output()).not.toContain(secret);
    }
  } finally {
    await host.stop();
  }
});

test('the settings view with the Backup section has no WCAG 2.1 A/AA violations (light)', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    await openSettings(page);
    await exportBackup(page);
    await expect(page.getByRole('status').filter({ hasText: 'Exported 0 items' })).toBeVisible();
    // The hidden file input keeps the keyboard focus, and its label is the visible button.
    await page.getByRole('button', { name: 'Export backup' }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Import backup')).toBeFocused();
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: '.tmp/screenshots/settings-backup-light.png', fullPage: true });
  } finally {
    await host.stop();
  }
});

test('/v1/backup answers through the open page, and with 409 no-window once it is closed', async ({
  page,
}) => {
  // Without a window the core waits 10 s for an answer before it says so.
  test.setTimeout(60_000);
  const host = await startHost();
  try {
    await host.api('/v1/updates', {
      body: {
        updates: TITLES.slice(0, 2).map((title, i) => ({ source: 'e2e', externalId: `h${i}`, title })),
      },
    });
    await page.goto(host.pageUrl);
    await expect(inboxRows(page)).toHaveCount(2);

    const exported = await host.api('/v1/backup');
    expect(exported.status).toBe(200);
    const backup = (await exported.json()) as { format: string; items: ExportedItem[] };
    expect(backup.format).toBe('lull-backup');
    expect(backup.items.map((item) => item.title).sort()).toEqual(TITLES.slice(0, 2).sort());

    // An import over HTTP merges in the page: the item done in the file is done here too.
    backup.items[0] = { ...backup.items[0]!, status: 'done', doneAt: Date.now() } as ExportedItem;
    const imported = await host.api('/v1/backup', { body: backup });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({
      report: { added: 0, updated: 1, unchanged: 1, historyAdded: 0 },
    });
    await expect(inboxRows(page)).toHaveCount(1);

    await page.close();
    // A closing tab's socket can outlive page.close() by a moment and answer one last request; once it
    // is gone, every request is refused. Each try without a window takes the core's 10 s wait.
    let refused: Response | undefined;
    await expect
      .poll(
        async () => {
          refused = await host.api('/v1/backup');
          return refused.status;
        },
        { timeout: 30_000, intervals: [100] },
      )
      .toBe(409);
    expect(await refused!.json()).toMatchObject({ error: { code: 'no-window' } });
  } finally {
    await host.stop();
  }
});
