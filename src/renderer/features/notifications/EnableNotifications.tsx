import { useEffect, useState } from 'react';
import { selectNotificationPermission } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { useRequestNotifications } from './useWebNotifications';

/**
 * The header's unobtrusive offer, shown while the browser has not been asked: the request only ever
 * comes from this click. A refusal is said in words for a while; Settings keeps saying it.
 */
export function EnableNotifications() {
  const permission = useLullStore(selectNotificationPermission);
  const request = useRequestNotifications();
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    if (!refused) return;
    const timer = setTimeout(() => setRefused(false), 10_000);
    return () => clearTimeout(timer);
  }, [refused]);

  if (permission !== 'default' && !refused) return null;
  return (
    <div className="header-notify">
      {permission === 'default' && (
        <button
          type="button"
          className="button button-ghost button-small header-notify-button"
          onClick={() => {
            void request().then((answer) => setRefused(answer === 'denied'));
          }}
        >
          <svg className="button-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 11V7a4 4 0 0 1 8 0v4l1 1.5H3L4 11ZM6.5 13.5a1.5 1.5 0 0 0 3 0" />
          </svg>
          Enable notifications
        </button>
      )}
      <p className="header-note" role="status">
        {refused && permission === 'denied' ? 'Notifications are blocked in this browser; see Settings.' : ''}
      </p>
    </div>
  );
}
