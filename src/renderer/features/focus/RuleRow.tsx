import { useEffect, useRef, useState } from 'react';
import type { FocusRule } from '../../../shared/focus-schedule';
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
  const [confirming, setConfirming] = useState(false);
  // The state asked for, shown at once while the core stores it; the mirror takes over after.
  const [asked, setAsked] = useState<boolean | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

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
      {confirming ? (
        <fieldset className="rule-confirm">
          <legend className="rule-confirm-text">Delete this rule?</legend>
          <button
            type="button"
            className="button button-small button-danger"
            disabled={busy}
            onClick={() => {
              wasConfirming.current = false;
              onDelete();
            }}
          >
            Delete<span className="visually-hidden"> {rule.name} for good</span>
          </button>
          <button
            ref={keep}
            type="button"
            className="button button-small"
            onClick={() => setConfirming(false)}
          >
            Keep<span className="visually-hidden"> {rule.name}</span>
          </button>
        </fieldset>
      ) : (
        <div className="rule-actions">
          <button ref={editRef} type="button" className="button button-small button-ghost" onClick={onEdit}>
            Edit<span className="visually-hidden"> {rule.name}</span>
          </button>
          <button
            ref={deleteButton}
            type="button"
            className="button button-small button-ghost"
            onClick={() => setConfirming(true)}
          >
            Delete<span className="visually-hidden"> {rule.name}</span>
          </button>
        </div>
      )}
    </li>
  );
}
