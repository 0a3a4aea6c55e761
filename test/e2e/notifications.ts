import type { Page } from '@playwright/test';

export interface RecordedNotification {
  title: string;
  body?: string;
  tag?: string;
  requireInteraction?: boolean;
}

/**
 * Replaces the page's Notification API before any script runs: permission is granted and every
 * notification shown is recorded in `window.__notifications`.
 */
export async function stubNotifications(
  page: Page,
  permission: NotificationPermission = 'granted',
): Promise<void> {
  await page.addInitScript((granted) => {
    const shown: unknown[] = [];
    (window as unknown as { __notifications: unknown[] }).__notifications = shown;
    class StubNotification {
      static permission = granted;
      static async requestPermission() {
        return StubNotification.permission;
      }
      onclick: ((event: Event) => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        shown.push({ title, ...options });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', {
      value: StubNotification,
      configurable: true,
      writable: true,
    });
  }, permission);
}

export function notifications(page: Page): Promise<RecordedNotification[]> {
  return page.evaluate(
    () => (window as unknown as { __notifications: RecordedNotification[] }).__notifications,
  );
}
