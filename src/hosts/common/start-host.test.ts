import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { isolated } from '../../../test/fakes/electron';
import { tempDir } from '../../../test/helpers/temp-dir';
import { openHeldQueue } from '../../core/delivery/held-queue';
import { silentLogger } from '../../core/ports';
import type { Digest } from '../../shared/digest-schemas';
import { createNotifier } from '../desktop/os/notifier';
import { createFileSecretStore } from './file-secret-store';
import { startHost } from './start-host';

const NOW = Date.now();

/** What a run that was killed between marking a release and confirming it leaves in the data dir. */
async function leaveInterruptedRelease(dataDir: string): Promise<Digest> {
  const item = {
    id: 'chat/a',
    title: 'Quarterly numbers',
    channel: 'email' as const,
    deadline: NOW + 3_600_000,
    heldAt: NOW - 60_000,
  };
  const queue = await openHeldQueue({ dataDir, logger: silentLogger });
  await queue.hold([item]);
  const digest: Digest = {
    id: `digest@${NOW}:summary`,
    at: NOW,
    cause: 'summary',
    items: [item],
    headline: '1 update — next: Quarterly numbers (email), due soon',
  };
  await queue.beginRelease(digest, null);
  await queue.close();
  return digest;
}

describe('the host start-up both hosts share', () => {
  it('subscribe the notifier before the core starts, so a digest recovered at startup is shown', async () => {
    const dataDir = await tempDir();
    const digest = await leaveInterruptedRelease(dataDir);
    const order: string[] = [];
    const opened: string[] = [];
    const Notification = isolated.Notification();
    const services = await startHost({
      host: 'desktop',
      dataDir,
      port: 0,
      secrets: createFileSecretStore,
      logger: silentLogger,
      beforeStart: (core) => {
        order.push('subscribed');
        core.events.on('digest:released', () => order.push('released'));
        const notifier = createNotifier({
          Notification,
          events: core.events,
          platform: 'linux',
          openDigest: () => opened.push('digest'),
          openInbox: () => {},
          logger: silentLogger,
        });
        return () => {
          order.push('unsubscribed');
          notifier.dispose();
        };
      },
    });
    try {
      expect(order).toEqual(['subscribed', 'released']);
      expect(Notification.instances).toHaveLength(1);
      expect(Notification.instances[0]?.options).toMatchObject({ title: 'Lull', body: digest.headline });
      Notification.instances[0]?.click();
      expect(opened).toEqual(['digest']);
      const { entries } = await services.core.handlers['journal:pull']({ sinceSeq: 0 });
      const events = entries.flatMap((e) => (e.kind === 'event' ? [e.event] : []));
      expect(events).toContainEqual(expect.objectContaining({ type: 'digest-released', id: digest.id }));
    } finally {
      await services.stop();
    }
    expect(order.at(-1)).toBe('unsubscribed');
  });

  it('undo the subscription when they cannot start', async () => {
    const dataDir = await tempDir();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    let subscribed = 0;
    try {
      await expect(
        startHost({
          host: 'desktop',
          dataDir,
          port,
          secrets: createFileSecretStore,
          logger: silentLogger,
          beforeStart: () => {
            subscribed++;
            return () => subscribed--;
          },
        }),
      ).rejects.toThrow(/already in use/);
      expect(subscribed).toBe(0);
      // Nothing is held open: the same data dir starts again at once on a free port.
      const again = await startHost({
        host: 'browser',
        dataDir,
        port: 0,
        secrets: createFileSecretStore,
        logger: silentLogger,
      });
      await again.stop();
      await again.stop();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
