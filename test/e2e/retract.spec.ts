import { expect, test } from '@playwright/test';
import { startHost } from './host';

test('an update retracted through the API leaves the open inbox, and stays gone after a reload', async ({
  page,
}) => {
  const host = await startHost();
  try {
    const pushed = await host.api('/v1/updates', {
      body: {
        updates: [
          { source: 'ci', externalId: 'build/7', channel: 'chat', title: 'Build 7 failed' },
          { source: 'mail', externalId: 'm1', channel: 'email', title: 'Invoice from Bo' },
        ],
      },
    });
    expect(pushed.status).toBe(202);
    await page.goto(host.pageUrl);
    const rows = page.getByRole('list', { name: 'Inbox' }).getByRole('listitem');
    await expect(rows).toHaveCount(2);

    const retracted = await host.api(`/v1/updates/ci/${encodeURIComponent('build/7')}`, { method: 'DELETE' });
    expect(await retracted.json()).toEqual({ retracted: true, id: 'ci/build%2F7' });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Invoice from Bo');

    await page.reload();
    await expect(rows).toHaveCount(1);
    expect((await (await host.api('/v1/updates')).json()).total).toBe(1);
  } finally {
    await host.stop();
  }
});
