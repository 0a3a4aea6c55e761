import { expect, test } from '@playwright/test';
import { wcagViolations } from './axe';
import { startHost } from './host';

// axe is injected as a script, which the page's CSP rightly forbids; only this context bypasses it.
test.use({ bypassCSP: true });

for (const scheme of ['light', 'dark'] as const) {
  test(`the inbox has no WCAG 2.1 A/AA violations (${scheme}, empty and with items)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const host = await startHost();
    try {
      await page.goto(host.pageUrl);
      await expect(page.getByText('No updates yet')).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);

      const receivedAt = new Date(Date.now() - 30 * 3_600_000).toISOString();
      await host.api('/v1/updates', {
        body: {
          updates: [
            {
              source: 'e2e',
              externalId: '1',
              channel: 'chat',
              title: 'Overdue chat',
              sender: { name: 'Ana' },
              receivedAt,
            },
            {
              source: 'e2e',
              externalId: '2',
              channel: 'email',
              title: 'Fresh email',
              sender: { name: 'Bo' },
            },
            { source: 'e2e', externalId: '3', channel: 'task', title: 'Urgent page', priority: 'urgent' },
          ],
        },
      });
      await expect(page.getByRole('list', { name: 'Inbox' }).getByRole('listitem')).toHaveCount(3);
      await page
        .getByRole('button', { name: /^Focus/ })
        .first()
        .click();
      await expect(page.getByRole('button', { name: /^Focus/, pressed: true })).toBeVisible();
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({ path: `.tmp/screenshots/inbox-${scheme}.png`, fullPage: true });
    } finally {
      await host.stop();
    }
  });
}
