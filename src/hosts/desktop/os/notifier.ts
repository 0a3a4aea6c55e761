/**
 * Native notifications for what the core lets through: one per digest release, one per item that was
 * delivered at once or broke through focus, one per at-risk reminder ("3 replies due by 14:00"). The options per platform follow Electron 45's documented
 * `NotificationConstructorOptions` (electron.d.ts, https://electronjs.org/docs/api/notification):
 * - `id` (macOS, Windows: the toast's Tag): every digest uses the same one, so a new digest replaces the
 *   last in the notification centre. Linux has no such option; there the last one is closed instead.
 * - `urgency: 'critical'` (Linux, Windows) for break-throughs. On Linux the notification server keeps a
 *   critical notification until dismissed; on Windows it is the toast's high priority, which does not
 *   stop it timing out (electron/electron#50225), so `timeoutType: 'never'` goes with it there.
 * - `toastXml` (Windows) could ask for `scenario="urgent"`, but it replaces every other option, and the
 *   scenario needs a recent Windows 11: not used.
 */
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { CoreEvents } from '../../../core/events';
import type { Logger } from '../../../core/ports';
import type { AtRiskReminder } from '../../../shared/at-risk';
import type { EventPayload, Unsubscribe } from '../../../shared/contract';
import type { Digest } from '../../../shared/digest-schemas';
import type { RouteDecision } from '../../../shared/routing';
import type { InboxItem } from '../../../shared/schemas';

/** Short enough for a Windows toast Tag (16 characters before Windows 10 1703, 64 since). */
export const DIGEST_NOTIFICATION_ID = 'lull-digest';
/** More items than this arriving at once (a batch from a script) make one notification, not a flood. */
export const MAX_ITEM_NOTIFICATIONS = 3;

const withIcon = (platform: NodeJS.Platform, icon: string | undefined) =>
  // macOS always shows the app's icon; elsewhere an unpackaged app has none unless it is given.
  icon && platform !== 'darwin' ? { icon } : {};

const urgent = (platform: NodeJS.Platform): NotificationConstructorOptions => {
  if (platform === 'linux') return { urgency: 'critical' };
  if (platform === 'win32') return { urgency: 'critical', timeoutType: 'never' };
  return {};
};

export function digestNotificationOptions(
  digest: Digest,
  platform: NodeJS.Platform,
  icon?: string,
): NotificationConstructorOptions {
  return {
    title: 'Lull',
    body: digest.headline,
    silent: false,
    ...(platform === 'darwin' || platform === 'win32' ? { id: DIGEST_NOTIFICATION_ID } : {}),
    ...withIcon(platform, icon),
  };
}

/** "Urgent: Prod is down" / "Ana · broke through: would miss its 4 h deadline". */
export function itemNotificationOptions(
  item: InboxItem,
  decision: RouteDecision,
  platform: NodeJS.Platform,
  icon?: string,
): NotificationConstructorOptions {
  return {
    title: decision.reason === 'urgent' ? `Urgent: ${item.title}` : item.title,
    body: item.sender ? `${item.sender.name} · ${decision.text}` : decision.text,
    silent: false,
    ...(decision.action === 'break-through' ? urgent(platform) : {}),
    ...withIcon(platform, icon),
  };
}

/** One notification for a burst: "12 new updates" / "PR review · Deploy failed · Lunch? and 9 more". */
export function burstNotificationOptions(
  notices: ReadonlyArray<EventPayload<'inbox:notify'>>,
  platform: NodeJS.Platform,
  icon?: string,
): NotificationConstructorOptions {
  const shown = notices.slice(0, MAX_ITEM_NOTIFICATIONS).map(({ item }) => item.title);
  const more = notices.length - shown.length;
  const breakThroughs = notices.filter(({ decision }) => decision.action === 'break-through').length;
  return {
    title: `${notices.length} new updates`,
    body: `${shown.join(' · ')}${more > 0 ? ` and ${more} more` : ''}`,
    silent: false,
    ...(breakThroughs > 0 ? urgent(platform) : {}),
    ...withIcon(platform, icon),
  };
}

/** An at-risk reminder in the core's words; critical, like a break-through, when it came during focus. */
export function atRiskNotificationOptions(
  reminder: AtRiskReminder,
  platform: NodeJS.Platform,
  icon?: string,
): NotificationConstructorOptions {
  return {
    title: reminder.title,
    body: reminder.body,
    silent: false,
    ...(reminder.breakThrough ? urgent(platform) : {}),
    ...withIcon(platform, icon),
  };
}

/** A notification as Lull uses it: Electron's, cut to what is called. */
export type ShownNotification = Pick<Notification, 'on' | 'show' | 'close'>;

/** Electron's `Notification` class, as the notifier creates and asks it; main.ts passes the real one. */
export interface NotificationElectron {
  new (options: NotificationConstructorOptions): ShownNotification;
  isSupported(): boolean;
}

export interface NotifierOptions {
  Notification: NotificationElectron;
  events: Pick<CoreEvents, 'on'>;
  platform: NodeJS.Platform;
  /** A digest notification was clicked: the digest pop-up. */
  openDigest(): void;
  /** An item notification was clicked: the inbox, on that item (null: a burst of several). */
  openInbox(itemId: string | null): void;
  logger: Logger;
  iconPath?: string;
}

export interface Notifier {
  /** Notifications held on to until clicked, closed or failed (a collected one loses its click). */
  readonly retained: number;
  dispose(): void;
}

/**
 * Subscribes to the core and shows its notifications; returns before the core starts releasing, so a
 * digest recovered at startup is announced too. Without notification support it only logs that once:
 * the tray and the window still count what is held.
 */
export function createNotifier(options: NotifierOptions): Notifier {
  const { Notification, platform, logger, iconPath } = options;
  const supported = Notification.isSupported();
  if (!supported)
    logger.warn('this system shows no desktop notifications; held updates are counted in the tray');
  const retained = new Set<ShownNotification>();
  // Kept after its 'close' too: on Windows a timed-out toast can still be clicked in the Action Center.
  let lastDigest: ShownNotification | null = null;
  let burst: Array<EventPayload<'inbox:notify'>> = [];
  let disposed = false;

  function present(
    notificationOptions: NotificationConstructorOptions,
    onClick: () => void,
  ): ShownNotification {
    const notification = new Notification(notificationOptions);
    retained.add(notification);
    const forget = () => retained.delete(notification);
    notification.on('click', () => {
      forget();
      onClick();
    });
    notification.on('close', forget);
    notification.on('failed', (_event, error) => {
      forget();
      logger.warn(`a notification could not be shown: ${error}`);
    });
    notification.show();
    return notification;
  }

  function showDigest(digest: Digest): void {
    if (!supported) return;
    // "Replace": Electron has no cross-platform update, so the last digest goes before the next shows.
    if (lastDigest) {
      lastDigest.close();
      retained.delete(lastDigest);
    }
    lastDigest = present(digestNotificationOptions(digest, platform, iconPath), options.openDigest);
  }

  function flushBurst(): void {
    const notices = burst;
    burst = [];
    if (disposed || notices.length === 0) return;
    if (notices.length > MAX_ITEM_NOTIFICATIONS) {
      present(burstNotificationOptions(notices, platform, iconPath), () => options.openInbox(null));
      return;
    }
    for (const { item, decision } of notices) {
      present(itemNotificationOptions(item, decision, platform, iconPath), () => options.openInbox(item.id));
    }
  }

  const unsubscribes: Unsubscribe[] = [
    options.events.on('digest:released', showDigest),
    options.events.on('inbox:notify', (notice) => {
      if (!supported) return;
      // The core announces one ingest batch in one go: gather it, then decide how many to show.
      if (burst.length === 0) queueMicrotask(flushBurst);
      burst.push(notice);
    }),
    options.events.on('inbox:at-risk', (reminder) => {
      if (!supported) return;
      const [only, ...more] = reminder.itemIds;
      present(atRiskNotificationOptions(reminder, platform, iconPath), () =>
        options.openInbox(more.length === 0 && only ? only : null),
      );
    }),
  ];

  return {
    get retained() {
      return retained.size;
    },
    dispose() {
      disposed = true;
      for (const unsubscribe of unsubscribes) unsubscribe();
      burst = [];
      retained.clear();
      lastDigest = null;
    },
  };
}
