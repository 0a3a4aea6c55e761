import { useMemo, useState } from 'react';
import { useAppInfo } from '../../hooks/useAppInfo';
import { selectNotificationPermission, selectSettings } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { ApiFacts } from '../inbox/ApiFacts';
import { useRequestNotifications } from '../notifications/useWebNotifications';
import { permissionText } from '../notifications/web-notifier';
import { BackupSection } from './BackupSection';
import { CharterForm } from './CharterForm';
import { DeliveryForm } from './DeliveryForm';
import { RotateToken } from './RotateToken';
import { SettingsSection } from './SettingsSection';
import { WorkingTimeForm } from './WorkingTimeForm';
import '../focus/focus-view.css';
import '../focus/rule-form.css';
import '../inbox/empty-state.css';
import './settings.css';
import './settings-fields.css';
import './settings-charter.css';

/**
 * `#/settings`: the reply charter, working time, how held updates are delivered (with the charter
 * check), notifications, the local API, backup.
 */
export function SettingsView() {
  const settings = useLullStore(selectSettings);
  const { info, error } = useAppInfo();
  const workingTime = useMemo(
    () =>
      settings && {
        timeZone: settings.timeZone,
        workingHours: settings.workingHours,
        holidays: settings.holidays,
      },
    [settings],
  );
  const pending = <p className="settings-card settings-pending">Loading your settings…</p>;

  return (
    <div className="settings-view">
      <div className="view-head">
        <h2 className="view-title">Settings</h2>
      </div>

      <SettingsSection
        titleId="charter-title"
        title="Reply charter"
        note="How soon each kind of update needs a reply. Every update's reply-by time comes from here: working time counts only your working hours and skips holidays, clock time counts every hour."
      >
        {settings ? <CharterForm saved={settings.charter} /> : pending}
      </SettingsSection>

      <SettingsSection
        titleId="working-title"
        title="Working time"
        note="When your working hours run, in which time zone, and which days are holidays."
      >
        {workingTime ? <WorkingTimeForm saved={workingTime} /> : pending}
      </SettingsSection>

      <SettingsSection
        titleId="delivery-title"
        title="Delivery"
        note="When updates that can wait reach you. Focus always holds them; urgent ones, VIPs and any that would miss their deadline come through."
      >
        {settings ? (
          <DeliveryForm
            saved={settings.delivery}
            revision={`${JSON.stringify(settings.charter)}${JSON.stringify(settings.workingHours)}${settings.timeZone}`}
          />
        ) : (
          pending
        )}
      </SettingsSection>

      <SettingsSection titleId="notifications-title" title="Notifications">
        <div className="settings-card">
          {info?.host === 'desktop' ? (
            <p>
              Lull uses your system's notifications. Turn them off in the system settings and the tray still
              counts what is held.
            </p>
          ) : (
            <BrowserNotifications />
          )}
        </div>
      </SettingsSection>

      <SettingsSection titleId="api-title" title="Local API">
        <div className="settings-card">
          <p className="section-note settings-api-note">
            Scripts and automations push updates here. Keep the token to yourself.
          </p>
          {info ? (
            <ApiAccess info={info} />
          ) : (
            <p className="setup-pending" aria-live="polite">
              {error ? `Waiting for Lull's local API… (${error})` : 'Looking up the local API address…'}
            </p>
          )}
        </div>
      </SettingsSection>

      <BackupSection />
    </div>
  );
}

function ApiAccess({ info }: { info: NonNullable<ReturnType<typeof useAppInfo>['info']> }) {
  const [revealed, setRevealed] = useState(false);
  return (
    <>
      <ApiFacts info={info} revealed={revealed} onToggleReveal={() => setRevealed((r) => !r)} />
      <RotateToken />
    </>
  );
}

function BrowserNotifications() {
  const permission = useLullStore(selectNotificationPermission);
  const request = useRequestNotifications();
  return (
    <div className="notify-setting" data-permission={permission}>
      <p role="status">{permissionText(permission)}</p>
      {permission === 'default' && (
        <button type="button" className="button" onClick={() => void request()}>
          Enable notifications
        </button>
      )}
    </div>
  );
}
