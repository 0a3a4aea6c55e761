/**
 * Notifications in the browser host, through the Web Notification API. (In the desktop app the main
 * process notifies natively; the page must not do it twice.) The constructor is passed in, so tests
 * use a stub and the page uses `window.Notification` when the browser has one.
 */
import type { AtRiskReminder } from '../../../shared/at-risk';
import type { EventPayload } from '../../../shared/contract';
import type { Digest } from '../../../shared/digest-schemas';
import type { InboxItem } from '../../../shared/schemas';
import type { NotificationPermissionState } from '../../store/notifications-slice';

export interface NotificationLike {
  onclick: ((event: Event) => void) | null;
  close(): void;
}

/** The static side of `Notification` that Lull uses. */
export interface NotificationConstructorLike {
  new (title: string, options?: NotificationOptions): NotificationLike;
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
}

export type PermissionState = NotificationPermissionState;

export const DIGEST_TAG = 'lull-digest';

export function permissionOf(ctor: NotificationConstructorLike | undefined): PermissionState {
  return ctor ? ctor.permission : 'unsupported';
}

/** The permission in words, for the settings view and the header button's neighbour. */
export function permissionText(state: PermissionState): string {
  switch (state) {
    case 'granted':
      return 'On: summaries, updates that break through and replies coming due pop up while this tab is open.';
    case 'denied':
      return 'Blocked in this browser. To get pop-ups, allow notifications for this page in the site settings; held updates still appear here.';
    case 'default':
      return 'Off: held updates and updates that break through appear only in this tab.';
    case 'unsupported':
      return 'This browser cannot show notifications; held updates appear only in this tab.';
  }
}

/** One notification per release; its tag makes a new summary replace the last one. */
export function digestNotification(digest: Digest): { title: string; options: NotificationOptions } {
  return { title: 'Lull', options: { body: digest.headline, tag: DIGEST_TAG } };
}

/** An update that was let through: its title, who sent it and why it could not wait. */
export function itemNotification({ item, decision }: EventPayload<'inbox:notify'>): {
  title: string;
  options: NotificationOptions;
} {
  const body = [item.sender?.name, decision.text].filter(Boolean).join(' · ');
  return {
    title: item.title,
    options: { body, tag: item.id, requireInteraction: decision.action === 'break-through' },
  };
}

/** "3 replies due by 14:00": the core's words; kept until dismissed when it interrupted focus. */
export function atRiskNotification(reminder: AtRiskReminder): {
  title: string;
  options: NotificationOptions;
} {
  return {
    title: reminder.title,
    options: { body: reminder.body, tag: reminder.id, requireInteraction: reminder.breakThrough },
  };
}

export interface WebNotifierOptions {
  /** `window.Notification`, or a stub; undefined where the browser has none. */
  Notification: NotificationConstructorLike | undefined;
  onDigestClick(digest: Digest): void;
  onItemClick(item: InboxItem): void;
  /** An at-risk reminder was clicked: the inbox, on its first item. */
  onReminderClick(reminder: AtRiskReminder): void;
}

export interface WebNotifier {
  /** Shows the release; false when notifications are not allowed (nothing is shown). */
  showDigest(digest: Digest): boolean;
  showItem(notice: EventPayload<'inbox:notify'>): boolean;
  showReminder(reminder: AtRiskReminder): boolean;
}

export function createWebNotifier(options: WebNotifierOptions): WebNotifier {
  const Ctor = options.Notification;

  function show(title: string, init: NotificationOptions, onClick: () => void): boolean {
    if (Ctor?.permission !== 'granted') return false;
    try {
      const notification = new Ctor(title, init);
      notification.onclick = (event) => {
        event.preventDefault?.();
        notification.close();
        onClick();
      };
      return true;
    } catch {
      // Some browsers allow notifications only from a service worker; the page still shows everything.
      return false;
    }
  }

  return {
    showDigest(digest) {
      const { title, options: init } = digestNotification(digest);
      return show(title, init, () => options.onDigestClick(digest));
    },
    showItem(notice) {
      const { title, options: init } = itemNotification(notice);
      return show(title, init, () => options.onItemClick(notice.item));
    },
    showReminder(reminder) {
      const { title, options: init } = atRiskNotification(reminder);
      return show(title, init, () => options.onReminderClick(reminder));
    },
  };
}

/** Asks for permission: call it from a click (browsers ignore or punish requests made on load). */
export async function requestPermission(
  ctor: NotificationConstructorLike | undefined,
): Promise<PermissionState> {
  if (!ctor) return 'unsupported';
  try {
    return await ctor.requestPermission();
  } catch {
    return ctor.permission;
  }
}
