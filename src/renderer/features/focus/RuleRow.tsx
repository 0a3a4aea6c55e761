import { useState } from 'react';
import type { FocusRule } from '../../../shared/focus-schedule';
import { ConfirmGroup, useConfirmation } from '../../components/ConfirmGroup';
import { formatRuleTime, formatWeekdays } from './rule-format';

interface Props {
  rule: FocusRule;
  userZone: string;
  busy: boolean;
  /** Resolves once the core has answered; the switch shows the new state until then. */
  onToggle(enabled: boolean): Promise<unknown>;
  onEdit(): void;
  onDelete(): void;
  /** The Edit button, so focus can come back to it when the editor closes. */
  editRef(element: HTMLButtonElement | null): void;
}

/** One rule: an enable switch, what it covers, Edit, and Delete behind a confirmation. */
export function RuleRow({ rule, userZone, busy, onToggle, onEdit, onDelete, editRef }: Props) {
  const confirmation = useConfirmation();
  // The state asked for, shown at once while the core stores it; the mirror takes over after.
  const [asked, setAsked] = useState<boolean | null>(null);

  return (
    <li className="rule" data-enabled={asked ?? rule.enabled}>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          className="switch-input"
          checked={asked ?? rule.enabled}
          aria-checked={asked ?? rule.enabled}
          aria-busy={busy || undefined}
          aria-label={`Enable ${rule.name}`}
          onChange={(event) => {
            if (busy) return;
            const enabled = event.target.checked;
            setAsked(enabled);
            void onToggle(enabled).finally(() => setAsked(null));
          }}
        />
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
      </label>
      <div className="rule-text">
        <p className="rule-name">{rule.name}</p>
        <p className="rule-meta">
          {[
            formatWeekdays(rule.weekdays),
            formatRuleTime(rule),
            rule.zone !== userZone && rule.zone,
            !rule.enabled && 'Paused',
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      {confirmation.confirming ? (
        <ConfirmGroup
          confirmation={confirmation}
          question="Delete this rule?"
          confirmLabel={
            <>
              Delete<span className="visually-hidden"> {rule.name} for good</span>
            </>
          }
          keepLabel={
            <>
              Keep<span className="visually-hidden"> {rule.name}</span>
            </>
          }
          busy={busy}
          removes
          onConfirm={onDelete}
        />
      ) : (
        <div className="rule-actions">
          <button ref={editRef} type="button" className="button button-small button-ghost" onClick={onEdit}>
            Edit<span className="visually-hidden"> {rule.name}</span>
          </button>
          <button
            ref={confirmation.triggerRef}
            type="button"
            className="button button-small button-ghost"
            onClick={confirmation.ask}
          >
            Delete<span className="visually-hidden"> {rule.name}</span>
          </button>
        </div>
      )}
    </li>
  );
}
