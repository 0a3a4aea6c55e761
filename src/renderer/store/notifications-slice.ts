import type { StateCreator } from 'zustand';
import type { LullStore } from './store';

/** The browser's answer about notifications, or 'unsupported' where there is no Notification API. */
export type NotificationPermissionState = NotificationPermission | 'unsupported';

export interface NotificationsSlice {
  /** Read from the browser (browser host only); every view that shows it reads this one copy. */
  notificationPermission: NotificationPermissionState;
  setNotificationPermission(state: NotificationPermissionState): void;
}

export const createNotificationsSlice: StateCreator<LullStore, [], [], NotificationsSlice> = (set) => ({
  notificationPermission: 'default',
  setNotificationPermission: (notificationPermission) => set({ notificationPermission }),
});
