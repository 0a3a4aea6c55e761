import { useEffect, useRef, useState } from 'react';
import type { FocusRule } from '../../../shared/focus-schedule';
import { selectFocusRules, selectSettings } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { RuleForm } from './RuleForm';
import { RuleRow } from './RuleRow';
import { newRuleForm, newRuleId, removeRule, ruleToForm, setRuleEnabled, upsertRule } from './rule-form';
import { useRuleActions } from './useRuleActions';

/** Which editor is open: a new rule (with its future id) or an existing one. */
type Editing = { kind: 'new'; id: string } | { kind: 'edit'; id: string } | null;

/** The weekly rules: list, enable switches, one editor at a time, and the core's refusals in words. */
export function RulesSection({ userZone }: { userZone: string }) {
  const rules = useLullStore(selectFocusRules);
  const loaded = useLullStore(selectSettings) !== null;
  const { save } = useRuleActions();
  const [editing, setEditing] = useState<Editing>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  // Where focus goes once the editor closes or a row disappears.
  const [returnFocus, setReturnFocus] = useState<string | null>(null);

  useEffect(() => {
    if (returnFocus === null) return;
    const target = returnFocus === 'add' ? addButton.current : editButtons.current.get(returnFocus);
    (target ?? addButton.current)?.focus();
    setReturnFocus(null);
  }, [returnFocus]);

  const close = (focusOn: string) => {
    setEditing(null);
    setReturnFocus(focusOn);
  };

  const change = async (id: string, update: (rules: readonly FocusRule[]) => FocusRule[]) => {
    setBusyId(id);
    setError(null);
    const refusal = await save(update);
    setBusyId(null);
    if (refusal) setError(`The change was not saved: ${refusal}`);
    return refusal;
  };

  const openNew = () => {
    setError(null);
    setEditing({ kind: 'new', id: newRuleId(new Set(rules.map((r) => r.id)), () => crypto.randomUUID()) });
  };

  const form = (id: string, rule: FocusRule | null) => (
    <RuleForm
      key={id}
      ruleId={id}
      initial={rule ? ruleToForm(rule) : newRuleForm(userZone)}
      title={rule ? `Edit ${rule.name}` : 'New rule'}
      userZone={userZone}
      onSave={async (saved) => {
        const refusal = await save((current) => upsertRule(current, saved));
        if (!refusal) close(rule ? saved.id : 'add');
        return refusal;
      }}
      onCancel={() => close(rule ? rule.id : 'add')}
    />
  );

  return (
    <section className="focus-section" aria-labelledby="rules-title">
      <div className="section-head">
        <div>
          <h3 id="rules-title" className="section-title">
            Focus rules
          </h3>
          <p className="section-note">
            Blocks that repeat every week. Overlapping rules join into one block.
          </p>
        </div>
        <button
          ref={addButton}
          type="button"
          className="button button-primary"
          disabled={!loaded || editing?.kind === 'new'}
          onClick={openNew}
        >
          <svg className="button-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M8 3v10M3 8h10" />
          </svg>
          Add rule
        </button>
      </div>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      {rules.length > 0 ? (
        <ul className="rule-list" aria-label="Focus rules">
          {rules.map((rule) =>
            editing?.kind === 'edit' && editing.id === rule.id ? (
              <li key={rule.id} className="rule rule-editing">
                {form(rule.id, rule)}
              </li>
            ) : (
              <RuleRow
                key={rule.id}
                rule={rule}
                userZone={userZone}
                busy={busyId === rule.id}
                editRef={(element) => {
                  if (element) editButtons.current.set(rule.id, element);
                  else editButtons.current.delete(rule.id);
                }}
                onToggle={(enabled) =>
                  change(rule.id, (current) => setRuleEnabled(current, rule.id, enabled))
                }
                onEdit={() => {
                  setError(null);
                  setEditing({ kind: 'edit', id: rule.id });
                }}
                onDelete={async () => {
                  const refusal = await change(rule.id, (current) => removeRule(current, rule.id));
                  if (!refusal) setReturnFocus('add');
                }}
              />
            ),
          )}
        </ul>
      ) : (
        loaded &&
        editing === null && (
          <div className="rules-empty">
            <p className="rules-empty-title">No rules yet</p>
            <p className="rules-empty-text">
              Protect the same hours every week — for example <strong>Deep work</strong>, Mon–Fri 09:00–11:00.
              During a block, only what cannot wait reaches you.
            </p>
          </div>
        )
      )}

      {editing?.kind === 'new' && <div className="rule-new">{form(editing.id, null)}</div>}
    </section>
  );
}
