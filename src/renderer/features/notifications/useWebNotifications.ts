import { useCallback, useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useServices } from '../../services/useServices';
import { selectDigestActions, selectSelect, selectSetNotificationPermission } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import {
  createWebNotifier,
  type NotificationConstructorLike,
  type PermissionState,
  permissionOf,
  requestPermission,
} from './web-notifier';

/** The page's Notification API, read when needed (tests install a stub before the page loads). */
export const pageNotificationApi = (): NotificationConstructorLike | undefined =>
  typeof globalThis.Notification === 'function'
    ? (globalThis.Notification as unknown as NotificationConstructorLike)
    : undefined;

/**
 * Browser host only (`enabled`): a notification per release, per update that broke through and per
 * at-risk reminder, as the desktop host does natively. Clicking one brings the tab forward on the digest or the update.
 * Also keeps the store's permission current (the user may change it in the site settings).
 */
export function useWebNotifications(enabled: boolean): void {
  const { client } = useServices();
  const setPermission = useLullStore(selectSetNotificationPermission);
  const select = useLullStore(selectSelect);
  const { setReleasedDigest, openDigestPanel } = useLullStore(useShallow(selectDigestActions));

  useEffect(() => {
    if (!enabled) return;
    const read = () => setPermission(permissionOf(pageNotificationApi()));
    read();
    window.addEventListener('focus', read);
    document.addEventListener('visibilitychange', read);
    const notifier = createWebNotifier({
      Notification: pageNotificationApi(),
      onDigestClick: (digest) => {
        window.focus();
        setReleasedDigest(digest);
        openDigestPanel('digest');
      },
      onItemClick: (item) => {
        window.focus();
        select(item.id);
        window.location.hash = '#/inbox';
      },
      onReminderClick: (reminder) => {
        window.focus();
        if (reminder.itemIds[0]) select(reminder.itemIds[0]);
        window.location.hash = '#/inbox';
      },
    });
    const offReleased = client.api.onDigestReleased((digest) => notifier.showDigest(digest));
    const offNotify = client.api.onInboxNotify((notice) => notifier.showItem(notice));
    const offAtRisk = client.api.onInboxAtRisk((reminder) => notifier.showReminder(reminder));
    return () => {
      window.removeEventListener('focus', read);
      document.removeEventListener('visibilitychange', read);
      offReleased();
      offNotify();
      offAtRisk();
    };
  }, [enabled, client, setPermission, select, setReleasedDigest, openDigestPanel]);
}

/** Asks the browser for permission; call it from a click. Resolves to the answer. */
export function useRequestNotifications(): () => Promise<PermissionState> {
  const setPermission = useLullStore(selectSetNotificationPermission);
  return useCallback(async () => {
    const answer = await requestPermission(pageNotificationApi());
    setPermission(answer);
    return answer;
  }, [setPermission]);
}
