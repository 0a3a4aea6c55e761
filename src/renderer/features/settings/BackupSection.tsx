import { useState } from 'react';
import { tellCoreImportedState } from '../../api/imported-state';
import { exportInbox, importInbox } from '../../db/backup';
import { describeError } from '../../lib/errors';
import { useServices } from '../../services/useServices';
import { backupFileName, buildBackup, importSummary, readBackup } from './backup-file';
import { FileButton } from './FileButton';
import { SettingsSection } from './SettingsSection';

type Outcome = { text: string; error: boolean } | null;

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; give it a moment before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Export the inbox, history and settings to one JSON file, or merge one in. The file is built and read
 * in the page, where the inbox lives; the core only restores the settings.
 */
export function BackupSection() {
  const { client, db, clock } = useServices();
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const exportBackup = async () => {
    setBusy('export');
    setOutcome(null);
    try {
      const [settings, inbox] = await Promise.all([client.api.settings.get(), exportInbox(db)]);
      const now = clock.now();
      download(JSON.stringify(buildBackup(inbox, settings, now), null, 2), backupFileName(now));
      setOutcome({ text: `Exported ${inbox.items.length} items and your settings.`, error: false });
    } catch (failure) {
      setOutcome({ text: `Could not export: ${describeError(failure)}`, error: true });
    } finally {
      setBusy(null);
    }
  };

  const importBackup = async (file: File) => {
    setBusy('import');
    setOutcome(null);
    try {
      const read = readBackup(await file.text());
      if (!read.ok) {
        setOutcome({ text: `Nothing was imported. ${read.error}`, error: true });
        return;
      }
      // Settings first: the core validates them before anything changes.
      await client.api.settings.restore({ settings: read.backup.settings });
      const report = await importInbox(db, { items: read.backup.items, history: read.backup.history });
      setOutcome({ text: importSummary(report), error: false });
      await tellCoreImportedState(
        client.api,
        db,
        read.backup.items.map((item) => item.id),
        clock.now(),
      );
    } catch (failure) {
      setOutcome({ text: `Could not import: ${describeError(failure)}`, error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <SettingsSection titleId="backup-title" title="Backup">
      <div className="settings-card">
        <p className="section-note settings-api-note">
          One file with your inbox, what you did with each update, your focus history and your settings.
          Secrets (source tokens and passwords) are never exported.
        </p>
        <div className="backup-actions">
          <button
            type="button"
            className="button button-small"
            disabled={busy !== null}
            aria-busy={busy === 'export' || undefined}
            onClick={() => void exportBackup()}
          >
            Export backup
          </button>
          <FileButton
            accept="application/json,.json"
            disabled={busy !== null}
            busy={busy === 'import'}
            onFile={importBackup}
          >
            Import backup…
          </FileButton>
        </div>
        <p className="backup-status" role={outcome?.error ? 'alert' : 'status'}>
          {outcome?.text}
        </p>
      </div>
    </SettingsSection>
  );
}
