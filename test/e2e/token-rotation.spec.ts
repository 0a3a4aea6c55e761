import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHost } from './host';

test('rotating the token in settings refuses the old one at once and keeps the page live', async ({
  page,
}) => {
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    await page.getByRole('link', { name: 'Settings' }).click();
    const api = page.getByRole('region', { name: 'Local API' });
    await expect(api.getByText('Token', { exact: true })).toBeVisible();
    const maskedBefore = await api.locator('code[data-masked]').innerText();

    await api.getByRole('button', { name: 'Rotate token' }).click();
    const confirm = api.getByRole('group', { name: /Scripts using the old token will stop working at once/ });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Rotate now' }).click();
    await expect(api.getByRole('status').filter({ hasText: 'New token' })).toHaveText(/New token in use/);

    const fresh = readFileSync(path.join(host.dataDir, 'ingest-token'), 'utf8').trim();
    expect(fresh).not.toBe(host.token);
    await expect(api.locator('code[data-masked]')).not.toHaveText(maskedBefore);
    await api.getByRole('button', { name: 'Show token' }).click();
    await expect(api.locator('code[data-masked]')).toHaveText(fresh);

    const update = { source: 'e2e', externalId: 'after-rotation', title: 'Pushed with the new token' };
    const old = await host.api('/v1/updates', { body: update });
    expect(old.status).toBe(401);
    const renewed = await host.api('/v1/updates', {
      body: update,
      headers: { authorization: `Bearer ${fresh}` },
    });
    expect(renewed.status).toBe(202);

    await page.getByRole('link', { name: 'Inbox' }).click();
    await expect(page.getByRole('list', { name: 'Inbox' }).getByRole('listitem')).toHaveCount(1);
    await expect(page.getByRole('list', { name: 'Inbox' })).toContainText('Pushed with the new token');

    // A reload authenticates with the token kept in this tab.
    await page.reload();
    await expect(page.getByRole('list', { name: 'Inbox' })).toContainText('Pushed with the new token');
  } finally {
    await host.stop();
  }
});
