import { useId } from 'react';
import { ModalDialog } from '../../components/ModalDialog';

export const SHORTCUTS: readonly (readonly [keys: readonly string[], what: string])[] = [
  [['j', '↓'], 'Next item'],
  [['k', '↑'], 'Previous item'],
  [['Enter', 'o'], 'Open the item'],
  [['e'], 'Done (Reopen in Done and Snoozed)'],
  [['s'], 'Snooze…'],
  [['z'], 'Undo the last action'],
  [['x'], 'Select for a bulk action'],
  [['/'], 'Search'],
  [['Esc'], 'Close, or clear the selection'],
  [['?'], 'These shortcuts'],
];

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const titleId = useId();
  return (
    <ModalDialog className="inbox-dialog" labelledBy={titleId} onClose={onClose}>
      <div className="inbox-dialog-body">
        <h2 id={titleId} className="inbox-dialog-title">
          Keyboard shortcuts
        </h2>
        <dl className="shortcut-list">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={what} className="shortcut-row">
              <dt>
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && <span className="shortcut-or"> or </span>}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <div className="inbox-dialog-actions">
          {/* biome-ignore lint/a11y/noAutofocus: a dialog with one button starts on it. */}
          <button type="button" className="button" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
