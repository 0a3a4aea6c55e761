import { describe, expect, it } from 'vitest';
import type { Digest } from '../../../shared/digest-schemas';
import type { InboxItem } from '../../../shared/schemas';
import {
  createWebNotifier,
  DIGEST_TAG,
  type NotificationConstructorLike,
  type NotificationLike,
  permissionOf,
  permissionText,
  requestPermission,
} from './web-notifier';

interface Shown {
  title: string;
  options: NotificationOptions | undefined;
  instance: NotificationLike & { closed: boolean };
}

function stub(permission: NotificationPermission, answer: NotificationPermission = permission) {
  const shown: Shown[] = [];
  const Stub = class {
    static permission = permission;
    static async requestPermission() {
      Stub.permission = answer;
      return answer;
    }
    onclick: ((event: Event) => void) | null = null;
    closed = false;
    constructor(title: string, options?: NotificationOptions) {
      shown.push({ title, options, instance: this });
    }
    close() {
      this.closed = true;
    }
  };
  return {
    Stub: Stub as unknown as NotificationConstructorLike & { permission: NotificationPermission },
    shown,
  };
}

const digest: Digest = {
  id: 'digest@1:focus-end',
  at: 1,
  cause: 'focus-end',
  items: [],
  headline: '1 update · 1 due today — next: Weekly notes from Bo (email), due 16:00',
};

const item: InboxItem = {
  id: 'e2e/page-1',
  source: 'e2e',
  externalId: 'page-1',
  channel: 'chat',
  title: 'Prod is down',
  sender: { name: 'Pager' },
  receivedAt: 1,
  deadline: 2,
  deadlineExplicit: false,
  priority: 'urgent',
  ingestedAt: 1,
};

describe('web notifier', () => {
  it('shows a release with its headline under one tag, and opens the digest on click', () => {
    const { Stub, shown } = stub('granted');
    const clicked: Digest[] = [];
    const notifier = createWebNotifier({
      Notification: Stub,
      onDigestClick: (d) => clicked.push(d),
      onItemClick: () => {},
      onReminderClick: () => {},
    });
    expect(notifier.showDigest(digest)).toBe(true);
    expect(shown).toMatchObject([{ title: 'Lull', options: { body: digest.headline, tag: DIGEST_TAG } }]);
    shown[0]!.instance.onclick?.(new Event('click'));
    expect(clicked).toEqual([digest]);
    expect(shown[0]!.instance.closed).toBe(true);
  });

  it('shows an update that broke through with its sender and reason, kept until dismissed', () => {
    const { Stub, shown } = stub('granted');
    const opened: string[] = [];
    const notifier = createWebNotifier({
      Notification: Stub,
      onDigestClick: () => {},
      onItemClick: (i) => opened.push(i.id),
      onReminderClick: () => {},
    });
    notifier.showItem({
      item,
      decision: { action: 'break-through', reason: 'urgent', text: 'broke through: marked urgent' },
    });
    notifier.showItem({
      item: { ...item, id: 'e2e/2', sender: undefined },
      decision: { action: 'deliver', reason: 'instant', text: 'delivered as it arrived' },
    });
    expect(shown.map((s) => [s.title, s.options])).toEqual([
      [
        'Prod is down',
        { body: 'Pager · broke through: marked urgent', tag: 'e2e/page-1', requireInteraction: true },
      ],
      ['Prod is down', { body: 'delivered as it arrived', tag: 'e2e/2', requireInteraction: false }],
    ]);
    shown[0]!.instance.onclick?.(new Event('click'));
    expect(opened).toEqual(['e2e/page-1']);
  });

  it('shows an at-risk reminder in the core’s words, kept until dismissed when it interrupted focus', () => {
    const { Stub, shown } = stub('granted');
    const opened: string[][] = [];
    const notifier = createWebNotifier({
      Notification: Stub,
      onDigestClick: () => {},
      onItemClick: () => {},
      onReminderClick: (r) => opened.push(r.itemIds),
    });
    const reminder = {
      id: 'at-risk@1:e2e/a,e2e/b',
      at: 1,
      dueBy: 2,
      itemIds: ['e2e/a', 'e2e/b'],
      title: '2 replies due by 14:00',
      body: 'Budget · Spec',
      breakThrough: true,
    };
    expect(notifier.showReminder(reminder)).toBe(true);
    expect(shown.map((s) => [s.title, s.options])).toEqual([
      [
        '2 replies due by 14:00',
        { body: 'Budget · Spec', tag: 'at-risk@1:e2e/a,e2e/b', requireInteraction: true },
      ],
    ]);
    shown[0]!.instance.onclick?.(new Event('click'));
    expect(opened).toEqual([['e2e/a', 'e2e/b']]);
  });

  it('shows nothing without permission or without the API', () => {
    for (const permission of ['default', 'denied'] as const) {
      const { Stub, shown } = stub(permission);
      const notifier = createWebNotifier({
        Notification: Stub,
        onDigestClick: () => {},
        onItemClick: () => {},
        onReminderClick: () => {},
      });
      expect(notifier.showDigest(digest)).toBe(false);
      expect(shown).toEqual([]);
    }
    const none = createWebNotifier({
      Notification: undefined,
      onDigestClick: () => {},
      onItemClick: () => {},
      onReminderClick: () => {},
    });
    expect(none.showDigest(digest)).toBe(false);
  });

  it('asks for permission only when told to, and says the outcome in words', async () => {
    const { Stub } = stub('default', 'denied');
    expect(permissionOf(Stub)).toBe('default');
    expect(await requestPermission(Stub)).toBe('denied');
    expect(permissionOf(Stub)).toBe('denied');
    expect(permissionText('denied')).toMatch(/blocked/i);
    expect(await requestPermission(undefined)).toBe('unsupported');
    expect(permissionText(permissionOf(undefined))).toMatch(/cannot show notifications/);
  });
});
