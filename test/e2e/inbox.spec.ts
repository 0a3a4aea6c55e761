import { expect, type Page, test } from '@playwright/test';
import { startHost } from './host';

const inboxRows = (page: Page) => page.getByRole('list', { name: 'Inbox' }).getByRole('listitem');

async function rowTitles(page: Page, titles: string[]): Promise<string[]> {
  const texts = await inboxRows(page).allInnerTexts();
  return texts.map((text) => titles.find((title) => text.includes(title)) ?? `?? ${text}`);
}

const TITLES = [
  'Quick question about the launch',
  'Review: tray icon states',
  'Quarterly numbers for the board',
];

test('pushed updates appear in deadline order and survive a reload and a restart, once each', async ({
  page,
}) => {
  const host = await startHost();
  let restarted: Awaited<ReturnType<typeof startHost>> | null = null;
  try {
    const receivedAt = new Date(Date.now() - 60_000).toISOString();
    // Same arrival time: chat (4 h) is due before review (8 h), which is due before email (24 h).
    const response = await host.api('/v1/updates', {
      body: {
        updates: [
          {
            source: 'e2e',
            externalId: 'mail-1',
            channel: 'email',
            title: TITLES[2],
            sender: { name: 'Bo' },
            receivedAt,
          },
          {
            source: 'e2e',
            externalId: 'chat-1',
            channel: 'chat',
            title: TITLES[0],
            sender: { name: 'Ana' },
            receivedAt,
          },
          {
            source: 'e2e',
            externalId: 'pr-1',
            channel: 'review',
            title: TITLES[1],
            sender: { name: 'Cy' },
            receivedAt,
          },
        ],
      },
    });
    expect(response.status).toBe(202);

    await page.goto(host.pageUrl);
    await expect(inboxRows(page)).toHaveCount(3);
    expect(await rowTitles(page, TITLES)).toEqual(TITLES);
    await expect(inboxRows(page).first()).toContainText('Ana');
    await expect(inboxRows(page).first()).toContainText(/due in/i);

    // The token left the address bar but the page keeps working after a reload.
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await expect(inboxRows(page)).toHaveCount(3);
    expect(await rowTitles(page, TITLES)).toEqual(TITLES);

    // Re-sending an update changes it in place.
    await host.api('/v1/updates', {
      body: {
        source: 'e2e',
        externalId: 'chat-1',
        channel: 'chat',
        title: TITLES[0],
        sender: { name: 'Ana Lima' },
      },
    });
    await expect(inboxRows(page).first()).toContainText('Ana Lima');
    await expect(inboxRows(page)).toHaveCount(3);

    // Restart the host on the same port and data dir: everything is still there, once.
    const { port, dataDir } = host;
    await host.stop();
    restarted = await startHost({ port, dataDir });
    await page.goto(restarted.pageUrl);
    await expect(inboxRows(page)).toHaveCount(3);
    expect(await rowTitles(page, TITLES)).toEqual(TITLES);
    const pushedAfter = await restarted.api('/v1/updates', {
      body: { source: 'e2e', externalId: 'after-restart', channel: 'chat', title: 'After the restart' },
    });
    expect(pushedAfter.status).toBe(202);
    await expect(inboxRows(page)).toHaveCount(4);
  } finally {
    await restarted?.stop();
    await host.stop();
  }
});

test('a wrong token is refused with 401 and nothing reaches the inbox', async ({ page }) => {
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    await expect(page.getByText('No updates yet')).toBeVisible();
    const refused = await host.api('/v1/updates', {
      body: { source: 'e2e', externalId: 'x', title: 'Should never appear' },
      headers: { authorization: 'Bearer wrong-token-wrong-token-wrong-token' },
    });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.code).toBe('unauthorized');
    // A real update afterwards proves the page is live, and the refused one is still absent.
    await host.api('/v1/updates', { body: { source: 'e2e', externalId: 'ok', title: 'This one is real' } });
    await expect(inboxRows(page)).toHaveCount(1);
    await expect(page.getByText('Should never appear')).toHaveCount(0);
  } finally {
    await host.stop();
  }
});

test('the empty state shows how to push a first update with the real API address', async ({ page }) => {
  const host = await startHost();
  try {
    await page.goto(host.pageUrl);
    await expect(page.getByText('No updates yet')).toBeVisible();
    await expect(page.getByText(`${host.apiUrl}/v1/updates`).first()).toBeVisible();
  } finally {
    await host.stop();
  }
});
