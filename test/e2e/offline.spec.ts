import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { ACTIONS_FILE } from '../../src/core/inbox/action-registry';
import { itemIdFor } from '../../src/shared/ids';
import { type RunningHost, startHost } from './host';

const RENDERER_DIR = path.resolve(__dirname, '../../out/renderer');

const inboxRow = (page: Page, title: string) =>
  page.getByRole('list', { name: 'Inbox' }).getByRole('listitem').filter({ hasText: title });
const connection = (page: Page) => page.getByRole('status', { name: 'Connection' });

/** The actions the core applied, as it writes them to its data dir. */
function appliedActions(dataDir: string): { id: string; command: string; ids?: string[] }[] {
  const file = path.join(dataDir, ACTIONS_FILE);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).actions : [];
}

/**
 * With the host down nothing serves the page: serve the built files alone on the host's port, as a
 * cached copy would, so the reload itself works and the page has to come up without the core. The
 * page's WebSocket is refused.
 */
async function servePageOnly(port: number): Promise<() => Promise<void>> {
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).slice(1);
    const file = path.resolve(RENDERER_DIR, name);
    const found = file.startsWith(RENDERER_DIR + path.sep) && existsSync(file);
    const served = found ? file : path.join(RENDERER_DIR, 'index.html');
    const type = served.endsWith('.js')
      ? 'text/javascript'
      : served.endsWith('.css')
        ? 'text/css'
        : 'text/html';
    response.writeHead(200, { 'content-type': type }).end(readFileSync(served));
  });
  server.on('upgrade', (_request, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}

test('Done while the core is down: leaves the list at once, survives a reload, reaches the core exactly once', async ({
  page,
}) => {
  // Our own data dir: host.stop() would delete one it made, and the restart needs it.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lull-e2e-offline-'));
  // The restart waits out the client's reconnect backoff (up to 10 s).
  test.setTimeout(60_000);
  let host: RunningHost = await startHost({ dataDir });
  let stopPage: (() => Promise<void>) | null = null;
  try {
    await page.goto(host.pageUrl);
    // Focus on, so the core holds both updates and we can see it drop the one that is done.
    await page.getByRole('button', { name: /^Focus/, pressed: false }).click();
    await expect(page.getByRole('button', { name: /^Focus/, pressed: true })).toBeVisible();
    const pushed = await host.api('/v1/updates', {
      body: {
        updates: [
          {
            source: 'e2e',
            externalId: 'plan',
            channel: 'email',
            title: 'Launch plan',
            sender: { name: 'Ana' },
          },
          {
            source: 'e2e',
            externalId: 'notes',
            channel: 'doc',
            title: 'Meeting notes',
            sender: { name: 'Bo' },
          },
        ],
      },
    });
    expect(pushed.status).toBe(202);
    await expect(inboxRow(page, 'Launch plan')).toBeVisible();
    await expect(inboxRow(page, 'Meeting notes')).toBeVisible();
    await expect(page.getByRole('button', { name: /^2 held/ })).toBeVisible();
    await expect(connection(page)).toBeEmpty();

    const { port } = host;
    await host.stop();
    await expect(connection(page)).toHaveText('Offline — reconnecting');

    await page.getByRole('button', { name: 'Done: Launch plan' }).click();
    await expect(inboxRow(page, 'Launch plan')).toHaveCount(0);
    await expect(connection(page)).toHaveText('Offline — 1 change saved here, will sync');

    // A reload while still offline: the change is still here, and still waiting.
    stopPage = await servePageOnly(port);
    await page.reload();
    await expect(inboxRow(page, 'Meeting notes')).toBeVisible();
    await expect(inboxRow(page, 'Launch plan')).toHaveCount(0);
    await expect(connection(page)).toHaveText('Offline — 1 change saved here, will sync');

    await stopPage();
    stopPage = null;
    host = await startHost({ dataDir, port });
    await expect(connection(page)).toBeEmpty({ timeout: 20_000 });

    const doneId = itemIdFor('e2e', 'plan');
    await expect
      .poll(() => appliedActions(dataDir).filter((action) => action.ids?.includes(doneId)).length)
      .toBe(1);
    expect(
      appliedActions(dataDir).filter((action) => action.ids?.includes(itemIdFor('e2e', 'notes'))),
    ).toEqual([]);
    await expect.poll(async () => (await (await host.api('/v1/digest/next')).json()).heldCount).toBe(1);
    await expect(inboxRow(page, 'Launch plan')).toHaveCount(0);
  } finally {
    await stopPage?.();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
