import { useId } from 'react';
import type { FocusRule } from '../../../shared/focus-schedule';
import { FieldError } from '../../components/FieldError';
import { useValidatedForm } from '../../components/useValidatedForm';
import { DayPicker } from './DayPicker';
import { endsNextDay, formToRule, NAME_MAX_LENGTH, type RuleField, type RuleFormState } from './rule-form';
import { zoneOptions } from './rule-format';

interface Props {
  ruleId: string;
  initial: RuleFormState;
  /** The heading: "New rule" or "Edit Deep work". */
  title: string;
  userZone: string;
  /** Resolves to null once saved, or to the core's refusal in words. */
  onSave(rule: FocusRule): Promise<string | null>;
  onCancel(): void;
}

const KINDS = [
  ['window', 'Between two times'],
  ['all-day', 'All day'],
] as const;

/** The order fields are visited in when the first invalid one gets focus. */
const FIELD_ORDER: readonly RuleField[] = ['name', 'kind', 'weekdays', 'start', 'end', 'zone', 'enabled'];

/**
 * Add or edit one rule. The schema decides what is valid; its messages appear next to their fields
 * (aria-describedby, aria-invalid) after the first save attempt and update as the fields change.
 */
export function RuleForm({ ruleId, initial, title, userZone, onSave, onCancel }: Props) {
  const id = useId();
  const fieldId = (field: RuleField) => `${id}-${field}`;
  const errorId = (field: RuleField) => `${id}-${field}-error`;
  const {
    form,
    update,
    errors,
    saving,
    saveError,
    submit,
    onKeyDown,
    firstInput: nameInput,
  } = useValidatedForm({
    initial,
    validate: (state: RuleFormState) => {
      const result = formToRule(state, ruleId);
      return result.ok ? { ok: true as const, value: result.rule } : result;
    },
    fieldOrder: FIELD_ORDER,
    // The day picker is a group of checkboxes: its first one takes focus.
    elementIdFor: (field) => (field === 'weekdays' ? `${fieldId('weekdays')}-1` : fieldId(field)),
    save: onSave,
    refusalLead: 'The rule was not saved',
    onCancel,
  });

  const invalid = (field: RuleField) => (errors[field] ? true : undefined);
  const describedBy = (field: RuleField, ...more: (string | false)[]) =>
    [errors[field] && errorId(field), ...more].filter(Boolean).join(' ') || undefined;
  const error = (field: RuleField) => <FieldError id={errorId(field)} message={errors[field]} />;
  const nextDay = endsNextDay(form);

  return (
    <form
      className="rule-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      <h4 id={`${id}-title`} className="rule-form-title">
        {title}
      </h4>

      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor={fieldId('name')} className="field-label">
            Name
          </label>
          <input
            ref={nameInput}
            id={fieldId('name')}
            className="input input-wide"
            type="text"
            value={form.name}
            maxLength={NAME_MAX_LENGTH}
            autoComplete="off"
            placeholder="e.g. Deep work"
            aria-invalid={invalid('name')}
            aria-describedby={describedBy('name')}
            onChange={(event) => update({ name: event.target.value })}
          />
          {error('name')}
        </div>
        <fieldset className="field" aria-describedby={describedBy('kind')}>
          <legend className="field-label">When</legend>
          <div className="segmented">
            {KINDS.map(([kind, label]) => (
              <label key={kind} className="segmented-option">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  value={kind}
                  checked={form.kind === kind}
                  onChange={() => update({ kind })}
                />
                <span>{label}</span>
              </label>
            ))}
          </div>
          {error('kind')}
        </fieldset>
      </div>

      <div className="field-row">
        <DayPicker
          idPrefix={fieldId('weekdays')}
          days={form.weekdays}
          invalid={Boolean(errors.weekdays)}
          describedBy={describedBy('weekdays')}
          onChange={(weekdays) => update({ weekdays })}
        >
          {error('weekdays')}
        </DayPicker>
        {form.kind === 'window' && (
          <>
            <div className="field">
              <label htmlFor={fieldId('start')} className="field-label">
                Starts
              </label>
              <input
                id={fieldId('start')}
                className="input input-time"
                type="time"
                value={form.start}
                required
                aria-invalid={invalid('start')}
                aria-describedby={describedBy('start')}
                onChange={(event) => update({ start: event.target.value })}
              />
              {error('start')}
            </div>
            <div className="field">
              <label htmlFor={fieldId('end')} className="field-label">
                Ends
              </label>
              <input
                id={fieldId('end')}
                className="input input-time"
                type="time"
                value={form.end}
                required
                aria-invalid={invalid('end')}
                aria-describedby={describedBy('end', nextDay && `${id}-next-day`)}
                onChange={(event) => update({ end: event.target.value })}
              />
              {error('end')}
              {nextDay && (
                <p id={`${id}-next-day`} className="field-note">
                  Ends the next day
                </p>
              )}
            </div>
          </>
        )}
      </div>

      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor={fieldId('zone')} className="field-label">
            Time zone
          </label>
          <select
            id={fieldId('zone')}
            className="input input-wide"
            value={form.zone}
            aria-invalid={invalid('zone')}
            aria-describedby={describedBy('zone')}
            onChange={(event) => update({ zone: event.target.value })}
          >
            {zoneOptions(userZone, form.zone).map((zone) => (
              <option key={zone} value={zone}>
                {zone === userZone ? `${zone} (yours)` : zone}
              </option>
            ))}
          </select>
          {error('zone')}
        </div>
        <label className="check">
          <input
            id={fieldId('enabled')}
            type="checkbox"
            checked={form.enabled}
            onChange={(event) => update({ enabled: event.target.checked })}
          />
          <span>Enabled</span>
        </label>
      </div>

      {saveError && (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      )}

      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={saving || undefined}>
          Save rule
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
