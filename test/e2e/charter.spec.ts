import { expect, type Page, test } from '@playwright/test';
import { HOUR_MS } from '../../src/shared/channels';
import { DEFAULT_WORKING_HOURS } from '../../src/shared/working-time';
import { addWorkingTime } from '../helpers/working-time';
import { wcagViolations } from './axe';
import { type RunningHost, startHost } from './host';

const charterForm = (page: Page) => page.getByRole('form', { name: 'Reply charter' });
const workingForm = (page: Page) => page.getByRole('form', { name: 'Working time' });
const chatRow = (page: Page) => charterForm(page).getByRole('group', { name: 'Chat' });
const inboxDue = (page: Page) =>
  page.getByRole('list', { name: 'Inbox' }).getByRole('listitem').first().locator('time');

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Reply charter', level: 3 })).toBeVisible();
}

async function openInbox(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Inbox' }).click();
  await expect(inboxDue(page)).toBeVisible();
}

/** Working time in UTC, so the expected instants do not depend on the machine's zone. */
async function workInUtc(page: Page): Promise<void> {
  const form = workingForm(page);
  await form.getByLabel('Use the system zone').uncheck();
  await form.getByLabel('Time zone').fill('UTC');
  await form.getByRole('button', { name: 'Save working time' }).click();
  await expect(form.getByRole('status').last()).toHaveText(/^Saved · /);
}

async function pushChat(host: RunningHost, receivedAt: number): Promise<void> {
  const response = await host.api('/v1/updates', {
    body: {
      source: 'e2e',
      externalId: 'chat-1',
      channel: 'chat',
      title: 'Can you look at the launch copy?',
      sender: { name: 'Ana' },
      receivedAt: new Date(receivedAt).toISOString(),
    },
  });
  expect(response.status).toBe(202);
}

const UTC_CALENDAR = { zone: 'UTC', hours: DEFAULT_WORKING_HOURS, holidays: [] };

test('changing the chat window in the charter editor re-times the open chat item', async ({ page }) => {
  const host = await startHost();
  try {
    const receivedAt = Math.floor((Date.now() - 5 * 60_000) / 60_000) * 60_000;
    await pushChat(host, receivedAt);
    await page.goto(host.pageUrl);
    await expect(inboxDue(page)).toHaveCount(1);

    await openSettings(page);
    await workInUtc(page);

    // A window the schema refuses: the message is next to the field, and the field gets focus.
    const hours = chatRow(page).getByLabel('Chat: reply within, in hours');
    await expect(hours).toHaveValue('4');
    await hours.fill('0.1');
    await charterForm(page).getByRole('button', { name: 'Save charter' }).click();
    await expect(hours).toBeFocused();
    await expect(hours).toHaveAttribute('aria-invalid', 'true');
    await expect(chatRow(page)).toContainText('Chat: enter a number of hours from 0.25 to 720 (30 days).');

    // Six clock hours: the deadline is exactly six hours after arrival.
    await hours.fill('6');
    await chatRow(page)
      .getByRole('radiogroup', { name: 'Chat: counted in' })
      .getByLabel('Clock time')
      .check();
    await charterForm(page).getByRole('button', { name: 'Save charter' }).click();
    await expect(charterForm(page).getByRole('status')).toHaveText('Saved · 1 open item re-timed');
    await openInbox(page);
    await expect(inboxDue(page)).toHaveAttribute(
      'datetime',
      new Date(receivedAt + 6 * HOUR_MS).toISOString(),
    );

    // Two working hours in UTC, Mon–Fri 09:00–17:00.
    await openSettings(page);
    await hours.fill('2');
    await chatRow(page).getByLabel('Working time').check();
    await charterForm(page).getByRole('button', { name: 'Save charter' }).click();
    await expect(charterForm(page).getByRole('status')).toHaveText('Saved · 1 open item re-timed');
    await openInbox(page);
    const expected = addWorkingTime(receivedAt, 2 * HOUR_MS, UTC_CALENDAR);
    await expect(inboxDue(page)).toHaveAttribute('datetime', new Date(expected).toISOString());

    // Reset fills in the team defaults; saving them puts the 4 working hours back.
    await openSettings(page);
    await charterForm(page).getByRole('button', { name: 'Reset to defaults' }).click();
    await expect(hours).toHaveValue('4');
    await expect(charterForm(page).getByRole('status')).toHaveText(
      'Team defaults filled in. Save to apply them.',
    );
    await charterForm(page).getByRole('button', { name: 'Save charter' }).click();
    await expect(charterForm(page).getByRole('status')).toHaveText('Saved · 1 open item re-timed');
  } finally {
    await host.stop();
  }
});

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//e2e//holidays//EN',
  'BEGIN:VEVENT',
  'UID:xmas@e2e',
  'DTSTART;VALUE=DATE:20301225',
  'DTEND;VALUE=DATE:20301227',
  'SUMMARY:Christmas',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:new-year@e2e',
  'DTSTART;VALUE=DATE:20310101',
  'SUMMARY:New Year',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

test('holidays imported from an .ics file are saved and still there after a reload', async ({ page }) => {
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    await openSettings(page);
    const form = workingForm(page);
    const file = form.getByLabel('Import .ics…');
    const holidays = form.getByRole('list', { name: 'Holidays' }).getByRole('listitem');

    // A file that is not a calendar is refused in words and changes nothing.
    await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(form.getByText('notes.txt: This file is not an iCalendar (.ics) file.')).toBeVisible();
    await expect(form.getByText('No holidays yet.')).toBeVisible();

    // One added by hand, which the calendar also names: it is counted once.
    await form.getByLabel('Holiday date').fill('2031-01-01');
    await form.getByRole('button', { name: 'Add holiday' }).click();
    await expect(holidays).toHaveCount(1);
    await file.setInputFiles({ name: 'holidays.ics', mimeType: 'text/calendar', buffer: Buffer.from(ICS) });
    await expect(form.getByText('Added 2 holidays (1 already listed). Save to keep them.')).toBeVisible();
    await expect(holidays).toHaveText(['Wed, 25 Dec 2030', 'Thu, 26 Dec 2030', 'Wed, 1 Jan 2031']);

    await form.getByRole('button', { name: 'Save working time' }).click();
    await expect(form.getByRole('status').last()).toHaveText('Saved · no open items needed re-timing');

    await page.reload();
    if (!(await page.getByRole('heading', { name: 'Reply charter' }).isVisible())) await openSettings(page);
    await expect(holidays).toHaveText(['Wed, 25 Dec 2030', 'Thu, 26 Dec 2030', 'Wed, 1 Jan 2031']);

    // Removing one by its labelled button leaves the focus on the next.
    await form.getByRole('button', { name: 'Remove Thu, 26 Dec 2030' }).click();
    await expect(holidays).toHaveCount(2);
    await expect(form.getByRole('button', { name: 'Remove Wed, 1 Jan 2031' })).toBeFocused();
  } finally {
    await host.stop();
  }
});

test.describe('accessibility', () => {
  // axe is injected as a script, which the page's CSP rightly forbids; only this context bypasses it.
  test.use({ bypassCSP: true });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the charter and working-time editors have no WCAG 2.1 A/AA violations (${scheme})`, async ({
      page,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const host = await startHost();
      try {
        await page.goto(host.pageUrl);
        await openSettings(page);
        // Some state worth checking: an error, a split day, a day off, holidays.
        await chatRow(page).getByLabel('Chat: reply within, in hours').fill('');
        await charterForm(page).getByRole('button', { name: 'Save charter' }).click();
        await expect(
          charterForm(page).getByText('Enter how many hours chat may wait for a reply.'),
        ).toBeVisible();
        const form = workingForm(page);
        await form.getByRole('button', { name: 'Add hours on Wednesday' }).click();
        await form.getByLabel('Friday', { exact: true }).uncheck();
        await form.getByLabel('Holiday date').fill('2030-12-25');
        await form.getByRole('button', { name: 'Add holiday' }).click();
        expect(await wcagViolations(page)).toEqual([]);
        await page.screenshot({ path: `.tmp/screenshots/settings-charter-${scheme}.png`, fullPage: true });
      } finally {
        await host.stop();
      }
    });
  }
});
