import { expect, test } from '@playwright/test';
import { startHost } from './host';

test('focus toggled in the window is what the API reports, and the API drives the header', async ({
  page,
}) => {
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    const toggle = page.getByRole('button', { name: /^Focus/, pressed: false });
    await expect(toggle).toBeVisible();

    await toggle.click();
    await expect(page.getByRole('button', { name: /^Focus/, pressed: true })).toBeVisible();
    await expect.poll(async () => (await (await host.api('/v1/focus')).json()).active).toBe(true);

    const off = await host.api('/v1/focus', { method: 'PUT', body: { active: false } });
    expect(off.status).toBe(200);
    await expect(page.getByRole('button', { name: /^Focus/, pressed: false })).toBeVisible();

    const timed = await host.api('/v1/focus', { method: 'PUT', body: { active: true, minutes: 45 } });
    const status = await timed.json();
    expect(Date.parse(status.until) - Date.parse(status.since)).toBe(45 * 60_000);
    const until = new Date(status.until).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
    await expect(page.getByRole('button', { name: /^Focus/, pressed: true })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText(until);
  } finally {
    await host.stop();
  }
});

test('timed focus from the header sets the right end time', async ({ page }) => {
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    const before = Date.now();
    await page.getByRole('button', { name: 'Focus for 25 minutes' }).click();
    await expect(page.getByRole('button', { name: /^Focus/, pressed: true })).toBeVisible();
    const status = await (await host.api('/v1/focus')).json();
    const until = Date.parse(status.until);
    expect(until).toBeGreaterThanOrEqual(before + 25 * 60_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 25 * 60_000);
  } finally {
    await host.stop();
  }
});
