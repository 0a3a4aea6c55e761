import { beforeEach, describe, expect, it } from 'vitest';
import { isolated } from '../../../../test/fakes/electron';
import { createFakeClock } from '../../../../test/helpers/fake-clock';
import { startTestCore } from '../../../../test/helpers/test-core';
import { createCoreEvents } from '../../../core/events';
import type { Logger } from '../../../core/ports';
import { silentLogger } from '../../../core/ports';
import type { EventPayload } from '../../../shared/contract';
import type { Digest } from '../../../shared/digest-schemas';
import type { RouteDecision } from '../../../shared/routing';
import { type InboxItem, updateInputSchema } from '../../../shared/schemas';
import {
  createNotifier,
  DIGEST_NOTIFICATION_ID,
  digestNotificationOptions,
  itemNotificationOptions,
} from './notifier';

const T0 = Date.UTC(2025, 2, 4, 9, 0); // Tuesday 09:00 UTC

const digest = (
  id: string,
  headline = '7 updates · 2 due today — next: PR review from Ana (code review), due 14:00',
): Digest => ({
  id,
  at: T0,
  cause: 'summary',
  items: [],
  headline,
});

const item = (id: string, extra: Partial<InboxItem> = {}): InboxItem =>
  ({
    id,
    source: 'chat',
    externalId: id,
    channel: 'chat',
    title: `Update ${id}`,
    receivedAt: T0,
    deadline: T0 + 4 * 3_600_000,
    deadlineExplicit: false,
    priority: 'normal',
    ...extra,
  }) as InboxItem;

const deadlineRisk: RouteDecision = {
  action: 'break-through',
  reason: 'deadline-risk',
  text: 'broke through: would miss its 4 h deadline',
};
const markedUrgent: RouteDecision = {
  action: 'break-through',
  reason: 'urgent',
  text: 'broke through: marked urgent',
};
const delivered: RouteDecision = { action: 'deliver', reason: 'instant', text: 'delivered as it arrived' };

const PLATFORMS = ['darwin', 'win32', 'linux'] as const;

describe('notification options per platform', () => {
  it('a digest: "Lull" and its headline, not silent; one id to replace by on macOS and Windows', () => {
    const headline = '7 updates · 2 due today — next: PR review from Ana (code review), due 14:00';
    expect(digestNotificationOptions(digest('d1', headline), 'darwin', '/res/icon.png')).toEqual({
      title: 'Lull',
      body: headline,
      silent: false,
      id: DIGEST_NOTIFICATION_ID,
    });
    expect(digestNotificationOptions(digest('d1', headline), 'win32', '/res/icon.png')).toEqual({
      title: 'Lull',
      body: headline,
      silent: false,
      id: DIGEST_NOTIFICATION_ID,
      icon: '/res/icon.png',
    });
    expect(digestNotificationOptions(digest('d1', headline), 'linux', '/res/icon.png')).toEqual({
      title: 'Lull',
      body: headline,
      silent: false,
      icon: '/res/icon.png',
    });
    // A Windows toast Tag is at most 16 characters before Windows 10 1703.
    expect(DIGEST_NOTIFICATION_ID.length).toBeLessThanOrEqual(16);
  });

  it('a break-through: critical on Linux, critical and never timing out on Windows, plain on macOS', () => {
    const ana = item('pr', { title: 'PR review', sender: { name: 'Ana' } });
    const common = {
      title: 'PR review',
      body: 'Ana · broke through: would miss its 4 h deadline',
      silent: false,
    };
    expect(itemNotificationOptions(ana, deadlineRisk, 'linux')).toEqual({ ...common, urgency: 'critical' });
    expect(itemNotificationOptions(ana, deadlineRisk, 'win32')).toEqual({
      ...common,
      urgency: 'critical',
      timeoutType: 'never',
    });
    expect(itemNotificationOptions(ana, deadlineRisk, 'darwin')).toEqual(common);
  });

  it('says "Urgent:" for an item marked urgent, and goes without a sender when there is none', () => {
    const down = item('down', { title: 'Prod is down', priority: 'urgent' });
    expect(itemNotificationOptions(down, markedUrgent, 'darwin')).toMatchObject({
      title: 'Urgent: Prod is down',
      body: 'broke through: marked urgent',
    });
  });

  it('an item delivered as it came (instant mode) is an ordinary notification everywhere', () => {
    for (const platform of PLATFORMS) {
      const options = itemNotificationOptions(item('a'), delivered, platform);
      expect(options).not.toHaveProperty('urgency');
      expect(options).not.toHaveProperty('timeoutType');
      expect(options).toMatchObject({ title: 'Update a', body: 'delivered as it arrived', silent: false });
    }
  });
});

describe('the notifier', () => {
  let Notification = isolated.Notification();
  let events = createCoreEvents(() => {});
  const opened: string[] = [];
  const warnings: string[] = [];
  const logger: Logger = { ...silentLogger, warn: (message) => warnings.push(message) };

  beforeEach(() => {
    Notification = isolated.Notification();
    events = createCoreEvents((error) => {
      throw error;
    });
    opened.length = 0;
    warnings.length = 0;
  });

  function start(platform: NodeJS.Platform = 'linux') {
    return createNotifier({
      Notification,
      events,
      platform,
      openDigest: () => opened.push('digest'),
      openInbox: (id) => opened.push(`inbox:${id}`),
      logger,
    });
  }
  const notify = (notice: EventPayload<'inbox:notify'>) => events.emit('inbox:notify', notice);
  const flush = () => Promise.resolve();

  it('shows one notification per digest, closing the last before the next ("replace")', () => {
    const notifier = start('win32');
    events.emit('digest:released', digest('d1', 'first'));
    const [first] = Notification.instances;
    expect(first?.shown).toBe(1);
    expect(first?.options).toMatchObject({ title: 'Lull', body: 'first', id: DIGEST_NOTIFICATION_ID });

    events.emit('digest:released', digest('d2', 'second'));
    const second = Notification.instances[1];
    expect(first?.closed).toBe(true);
    expect(second?.shown).toBe(1);
    expect(second?.closed).toBe(false);
    expect(notifier.retained).toBe(1);
  });

  it('opens the digest pop-up when a digest notification is clicked, the item when an item one is', async () => {
    start();
    events.emit('digest:released', digest('d1'));
    notify({ item: item('chat/pr'), decision: deadlineRisk });
    await flush();
    const [digestNotice, itemNotice] = Notification.instances;
    digestNotice?.click();
    itemNotice?.click();
    expect(opened).toEqual(['digest', 'inbox:chat/pr']);
  });

  it('holds on to every notification until it is clicked, closed or fails, so no click is lost', async () => {
    const notifier = start();
    for (const id of ['a', 'b', 'c']) notify({ item: item(id), decision: deadlineRisk });
    await flush();
    expect(notifier.retained).toBe(3);
    const [a, b, c] = Notification.instances;
    a?.click();
    expect(notifier.retained).toBe(2);
    b?.dismiss();
    expect(notifier.retained).toBe(1);
    c?.fail('toast refused');
    expect(notifier.retained).toBe(0);
    expect(warnings).toEqual(['a notification could not be shown: toast refused']);
  });

  it('makes one notification of a burst, critical if any broke through, opening the inbox', async () => {
    start('linux');
    const many = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ item: item(id), decision: delivered }));
    for (const notice of many) notify(notice);
    notify({ item: item('f'), decision: deadlineRisk });
    await flush();
    expect(Notification.instances).toHaveLength(1);
    const [burst] = Notification.instances;
    expect(burst?.options).toMatchObject({
      title: '6 new updates',
      body: 'Update a · Update b · Update c and 3 more',
      urgency: 'critical',
    });
    burst?.click();
    expect(opened).toEqual(['inbox:null']);

    // The next batch is judged on its own.
    notify({ item: item('g'), decision: delivered });
    await flush();
    expect(Notification.instances).toHaveLength(2);
    expect(Notification.instances[1]?.options.title).toBe('Update g');
  });

  it('shows an at-risk reminder in the core’s words, critical during focus, opening its item', () => {
    start('linux');
    const reminder = {
      id: 'at-risk@1:chat/a',
      at: T0,
      dueBy: T0 + 1_800_000,
      itemIds: ['chat/a'],
      title: 'Reply due by 09:30',
      body: 'Update a · Ana',
      breakThrough: false,
    };
    events.emit('inbox:at-risk', reminder);
    events.emit('inbox:at-risk', { ...reminder, itemIds: ['chat/a', 'chat/b'], breakThrough: true });
    const [one, two] = Notification.instances;
    expect(one?.options).toEqual({ title: 'Reply due by 09:30', body: 'Update a · Ana', silent: false });
    expect(two?.options).toMatchObject({ urgency: 'critical' });
    one?.click();
    two?.click();
    expect(opened).toEqual(['inbox:chat/a', 'inbox:null']);
  });

  it('shows nothing where notifications are unsupported, and says so once', async () => {
    Notification.supported = false;
    start();
    events.emit('digest:released', digest('d1'));
    notify({ item: item('a'), decision: deadlineRisk });
    await flush();
    expect(Notification.instances).toHaveLength(0);
    expect(warnings).toHaveLength(1);
  });

  it('stops listening when disposed', async () => {
    const notifier = start();
    notify({ item: item('a'), decision: deadlineRisk });
    notifier.dispose();
    events.emit('digest:released', digest('d1'));
    await flush();
    expect(Notification.instances).toHaveLength(0);
    expect(notifier.retained).toBe(0);
  });
});

describe('the notifier on a real core', () => {
  it('lets a break-through through at once and the rest as one digest on demand', async () => {
    const core = await startTestCore({ clock: createFakeClock(T0) });
    const Notification = isolated.Notification();
    const opened: string[] = [];
    createNotifier({
      Notification,
      events: core.events,
      platform: 'linux',
      openDigest: () => opened.push('digest'),
      openInbox: (id) => opened.push(`inbox:${id}`),
      logger: silentLogger,
    });
    const update = (externalId: string, extra: Record<string, unknown> = {}) =>
      updateInputSchema.parse({ source: 'chat', externalId, channel: 'email', title: externalId, ...extra });
    await core.invoke('focus:set', { active: true, minutes: 60 });
    await core.handlers['updates:ingest']([
      update('weekly report'),
      update('outage', { title: 'Prod is down', priority: 'urgent', sender: { name: 'Ops' } }),
    ]);
    await Promise.resolve();
    expect(Notification.instances.map((n) => n.options)).toEqual([
      {
        title: 'Urgent: Prod is down',
        body: 'Ops · broke through: marked urgent',
        silent: false,
        urgency: 'critical',
      },
    ]);

    await core.invoke('digest:release', undefined);
    expect(Notification.instances).toHaveLength(2);
    expect(Notification.instances[1]?.options).toMatchObject({
      title: 'Lull',
      body: '1 update — next: weekly report (email), due Thu 17:00',
    });
    Notification.instances[1]?.click();
    Notification.instances[0]?.click();
    expect(opened).toEqual(['digest', 'inbox:chat/outage']);
  });
});
