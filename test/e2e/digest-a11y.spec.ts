import { expect, type Page, test } from '@playwright/test';
import { wcagViolations } from './axe';
import { type RunningHost, startHost } from './host';
import { stubNotifications } from './notifications';

// axe is injected as a script, which the page's CSP rightly forbids; only this context bypasses it.
test.use({ bypassCSP: true });

const SHOTS = '.tmp/screenshots';
const hour = 3_600_000;

function push(host: RunningHost, prefix: string) {
  const receivedAt = new Date(Date.now() - 3.2 * hour).toISOString();
  return host.api('/v1/updates', {
    body: {
      updates: [
        {
          source: 'e2e',
          externalId: `${prefix}-review`,
          channel: 'review',
          title: 'Review: tray icon states for dark menus',
          sender: { name: 'Cy Okafor' },
          url: 'https://example.com/pr/412',
          receivedAt,
        },
        {
          source: 'e2e',
          externalId: `${prefix}-mail`,
          channel: 'email',
          title: 'Quarterly numbers for the board',
          sender: { name: 'Bo Lindqvist' },
          url: 'https://example.com/mail/88',
        },
        {
          source: 'e2e',
          externalId: `${prefix}-doc`,
          channel: 'doc',
          title: 'Comments on the onboarding spec',
          sender: { name: 'Ana Lima' },
        },
      ],
    },
  });
}

async function expectNoViolations(page: Page) {
  expect(await wcagViolations(page)).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the digest panel, the peek and the pop-up page have no WCAG 2.1 A/AA violations (${scheme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await stubNotifications(page);
    const host = await startHost();
    try {
      await page.goto(host.pageUrl);
      await page.getByRole('button', { name: /^Focus/, pressed: false }).click();
      await expect(page.getByRole('button', { name: /^Focus/, pressed: true })).toBeVisible();
      await push(host, 'one');
      const held = page.getByRole('button', { name: /^3 held/ });
      await expect(held).toBeVisible();

      await held.click();
      const peek = page.getByRole('dialog', { name: 'Held updates' });
      await expect(peek.getByRole('list', { name: 'Held updates' }).getByRole('listitem')).toHaveCount(3);
      await expectNoViolations(page);
      await page.screenshot({ path: `${SHOTS}/digest-peek-panel-${scheme}.png` });

      await peek.getByRole('button', { name: 'Show held updates now' }).click();
      const digest = page.getByRole('dialog', { name: 'Shown on request' });
      const rows = digest.getByRole('list', { name: 'Updates in this summary' }).getByRole('listitem');
      await expect(rows).toHaveCount(3);
      await page.keyboard.press('j');
      await page.keyboard.press('e');
      await expect(rows.nth(1)).toContainText('Done');
      await expectNoViolations(page);
      await page.screenshot({ path: `${SHOTS}/digest-panel-${scheme}.png` });
      await page.keyboard.press('Escape');
      await expect(digest).toBeHidden();

      // The desktop pop-up's page, at its size.
      await page.setViewportSize({ width: 380, height: 480 });
      await page.evaluate(() => {
        window.location.hash = '#/digest';
      });
      await expect(page.getByRole('heading', { name: 'Shown on request' })).toBeVisible();
      await expect(
        page.getByRole('list', { name: 'Updates in this summary' }).getByRole('listitem'),
      ).toHaveCount(3);
      await expectNoViolations(page);
      await page.screenshot({ path: `${SHOTS}/digest-popup-${scheme}.png` });

      await push(host, 'two');
      await page.evaluate(() => {
        window.location.hash = '#/digest?peek=1';
      });
      await expect(page.getByRole('list', { name: 'Held updates' }).getByRole('listitem')).toHaveCount(3);
      await expectNoViolations(page);
      await page.screenshot({ path: `${SHOTS}/digest-popup-peek-${scheme}.png` });
    } finally {
      await host.stop();
    }
  });

  test(`the settings view has no WCAG 2.1 A/AA violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const host = await startHost();
    try {
      await page.goto(host.pageUrl);
      await page.getByRole('link', { name: 'Settings' }).click();
      const status = page.getByRole('status').filter({ hasText: 'Charter check' });
      await expect(status).toContainText('Every reply window');
      await expectNoViolations(page);
      await page.screenshot({ path: `${SHOTS}/settings-${scheme}.png`, fullPage: true });

      await page.getByRole('button', { name: 'Remove 13:00' }).click();
      await page.getByRole('textbox', { name: 'VIPs' }).fill('Ana Lima');
      await page.getByRole('button', { name: 'Add VIP' }).click();
      await page.getByRole('textbox', { name: 'VIPs' }).fill('@cy');
      await page.keyboard.press('Enter');
      await expect(status).toContainText(/chat replies within 4 h/i);
      await expectNoViolations(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/settings-warning-${scheme}.png`, fullPage: true });
    } finally {
      await host.stop();
    }
  });
}
