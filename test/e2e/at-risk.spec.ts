import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { defaultSettings } from '../../src/shared/settings-schema';
import { wcagViolations } from './axe';
import { startHost } from './host';
import { notifications, stubNotifications } from './notifications';

// axe is injected as a script, which the page's CSP rightly forbids; this file's contexts bypass it.
test.use({ bypassCSP: true });

const MINUTE = 60_000;
const rows = (page: Page) => page.getByRole('list', { name: 'Inbox' }).getByRole('listitem');
const row = (page: Page, title: string) => rows(page).filter({ hasText: title });
const hhmm = (at: number) => new Date(at).toISOString().slice(11, 16);

/** A data dir whose settings make every hour a working hour (the test runs at any time), in UTC. */
function dataDirAllHours(): string {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lull-e2e-at-risk-'));
  const allDay = [{ start: '00:00', end: '24:00' }];
  const settings = {
    ...defaultSettings(),
    timeZone: 'UTC',
    workingHours: { 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay, 7: allDay },
    delivery: { ...defaultSettings().delivery, mode: 'instant' as const },
  };
  writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify(settings, null, 2));
  return dataDir;
}

test('an open item coming due pops up once, not again after a restart; its row reads due soon, then overdue', async ({
  page,
}) => {
  const dataDir = dataDirAllHours();
  let host = await startHost({ dataDir });
  try {
    await stubNotifications(page);
    await page.clock.install();
    await page.goto(host.pageUrl);
    // Due in 30 minutes and 3 seconds: the 30-minute reminder comes 3 seconds from now.
    const deadline = Date.now() + 30 * MINUTE + 3_000;
    const pushed = await host.api('/v1/updates', {
      body: {
        updates: [
          {
            source: 'e2e',
            externalId: 'budget',
            channel: 'email',
            title: 'Budget review',
            sender: { name: 'Ana', handle: 'ana@example.com' },
            deadline: new Date(deadline).toISOString(),
          },
        ],
      },
    });
    expect(pushed.status).toBe(202);
    await expect(row(page, 'Budget review')).toBeVisible();

    const reminders = async () =>
      (await notifications(page)).filter((n) => n.title.startsWith('Reply due by'));
    await expect.poll(reminders, { timeout: 15_000 }).toHaveLength(1);
    const [reminder] = await reminders();
    expect(reminder).toMatchObject({
      title: `Reply due by ${hhmm(deadline)}`,
      body: 'Budget review · Ana',
      requireInteraction: false,
    });
    expect(reminder?.tag).toMatch(/^at-risk@/);

    // The row: open, marked due soon, in the page's own clock.
    const budget = row(page, 'Budget review');
    await expect(budget.getByRole('button', { name: 'Done: Budget review' })).toBeVisible();
    await expect(budget.locator('.row-due')).toHaveAttribute('data-state', 'at-risk');
    await expect(budget).toContainText('Due soon');
    await expect(budget).toContainText(/due in (29|30) min/);
    await page.clock.fastForward('31:00');
    await expect(budget.locator('.row-due')).toHaveAttribute('data-state', 'overdue');
    await expect(budget).toContainText('overdue by');

    // Once: not repeated while running, nor after a restart.
    await page.waitForTimeout(1_500);
    expect(await reminders()).toHaveLength(1);
    await host.stop();
    host = await startHost({ dataDir });
    const again = await page.context().newPage();
    await stubNotifications(again);
    await again.goto(host.pageUrl);
    await expect(row(again, 'Budget review')).toBeVisible();
    await again.waitForTimeout(2_000);
    expect((await notifications(again)).filter((n) => n.title.startsWith('Reply due by'))).toEqual([]);
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('delivery settings: reminders and one person’s handles are set by keyboard, saved, and axe-clean', async ({
  page,
}) => {
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Delivery' })).toBeVisible();
    const reminders = page.getByRole('checkbox', { name: /Remind me of open items/ });
    const minutes = page.getByLabel('Minutes before the deadline');
    await expect(reminders).toBeChecked();
    await expect(minutes).toHaveValue('30');

    // A field's problem in words, next to it.
    await minutes.fill('2');
    await minutes.blur();
    await expect(
      page.getByText('The reminder time must be a whole number of minutes from 5 to 1440.'),
    ).toBeVisible();
    await minutes.fill('45');

    // One person on chat and mail, typed and added with Enter; a handle on two people is refused.
    const person = page.getByLabel('Same person');
    await person.focus();
    await page.keyboard.type('ana@example.com, @ana');
    await page.keyboard.press('Enter');
    const people = page.getByRole('list', { name: 'People with several handles' });
    await expect(people.getByRole('listitem')).toHaveText(['ana@example.com = @ana']);
    await page.keyboard.type('Ana@Example.com, ana.k');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Ana@Example.com already belongs to someone on the list.')).toBeVisible();
    await person.fill('');

    expect(await wcagViolations(page)).toEqual([]);
    await page
      .locator('.delivery-form')
      .screenshot({ path: test.info().outputPath('delivery-settings.png') });

    await page.getByRole('button', { name: 'Save delivery settings' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.reload();
    await expect(minutes).toHaveValue('45');
    await expect(people.getByRole('listitem')).toHaveText(['ana@example.com = @ana']);

    // Off by keyboard: the minutes wait, disabled, and the switch is saved.
    await reminders.focus();
    await page.keyboard.press('Space');
    await expect(reminders).not.toBeChecked();
    await expect(minutes).toBeDisabled();
    await page.getByRole('button', { name: 'Save delivery settings' }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.reload();
    await expect(reminders).not.toBeChecked();
    expect(await wcagViolations(page)).toEqual([]);
  } finally {
    await host.stop();
  }
});
