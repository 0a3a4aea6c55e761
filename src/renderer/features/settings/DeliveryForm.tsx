import { useId, useState } from 'react';
import type { DeliveryMode, DeliveryPolicy } from '../../../shared/delivery';
import { FieldError } from '../../components/FieldError';
import { useLullApi } from '../../services/useServices';
import { AliasField } from './AliasField';
import { CharterStatus } from './CharterStatus';
import { formToPolicy, policyToForm, samePolicy } from './delivery-form';
import { SaveActions } from './SaveActions';
import { SummaryTimesField } from './SummaryTimesField';
import { useCharterCheck } from './useCharterCheck';
import { useSettingsForm } from './useSettingsForm';
import { VipField } from './VipField';

const MODES: readonly { mode: DeliveryMode; label: string; note: string }[] = [
  { mode: 'summaries', label: 'In summaries at set times', note: 'A few times a working day.' },
  { mode: 'interval', label: 'Every few minutes', note: 'One delivery per interval, all day.' },
  { mode: 'instant', label: 'As they arrive', note: 'Held only during focus.' },
];

type NumberField =
  | 'intervalMinutes'
  | 'marginMinutes'
  | 'repeatCount'
  | 'repeatWithinMinutes'
  | 'atRiskMinutes';

interface Props {
  readonly saved: DeliveryPolicy;
  /** Changes when the charter or working hours change, so the check is asked again. */
  readonly revision: unknown;
}

/**
 * The delivery policy, checked by the same schema as the core. Problems show next to their fields
 * once a field is left or Save is pressed; every valid change asks the core for a charter check.
 */
export function DeliveryForm({ saved, revision }: Props) {
  const api = useLullApi();
  const id = useId();
  const { form, update, attempted, saving, outcome, dirty, handleSubmit } = useSettingsForm({
    saved,
    toForm: policyToForm,
    same: samePolicy,
  });
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());

  const result = formToPolicy(form);
  const check = useCharterCheck(result.ok ? result.policy : null, revision);
  const errors = result.ok ? { fields: {}, times: {} } : result.errors;
  const shown = (field: string) => attempted || touched.has(field);
  const fieldError = (field: keyof typeof errors.fields) =>
    shown(field) ? (errors.fields as Record<string, string | undefined>)[field] : undefined;
  const timeErrors = shown('summaryTimes') ? errors.times : {};

  const touch = (field: string) => setTouched((current) => new Set(current).add(field));

  const submit = handleSubmit({
    value: result.ok ? result.policy : null,
    focusFirstProblem: () =>
      document.querySelector<HTMLElement>(`#${CSS.escape(id)}-form [aria-invalid="true"]`)?.focus(),
    save: async (policy) => {
      const stored = await api.settings.saveDelivery({ delivery: policy });
      return { saved: stored, text: 'Saved. The next delivery follows these settings.', reload: true };
    },
  });

  const numberInput = (field: NumberField, label: string, width = 'input-number', disabled = false) => (
    <input
      id={`${id}-${field}`}
      className={`input ${width}`}
      type="number"
      inputMode="numeric"
      disabled={disabled}
      value={form[field]}
      aria-label={label}
      aria-invalid={fieldError(field) ? true : undefined}
      aria-describedby={fieldError(field) ? `${id}-${field}-error` : undefined}
      onChange={(event) => update({ [field]: event.target.value })}
      onBlur={() => touch(field)}
    />
  );
  const numberError = (field: NumberField) => (
    <FieldError id={`${id}-${field}-error`} message={fieldError(field)} />
  );

  return (
    <form id={`${id}-form`} className="settings-card delivery-form" noValidate onSubmit={submit}>
      <fieldset className="field">
        <legend className="field-label">Deliver updates that can wait</legend>
        <div className="mode-options">
          {MODES.map(({ mode, label, note }) => (
            <label key={mode} className="mode-option">
              <input
                type="radio"
                name={`${id}-mode`}
                value={mode}
                checked={form.mode === mode}
                onChange={() => update({ mode })}
              />
              <span className="mode-text">
                <span className="mode-label">{label}</span>
                <span className="mode-note">{note}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {form.mode === 'summaries' && (
        <SummaryTimesField
          idPrefix={`${id}-time`}
          times={form.summaryTimes}
          errors={timeErrors}
          listError={fieldError('summaryTimes')}
          onChange={(summaryTimes) => update({ summaryTimes })}
          onBlur={() => touch('summaryTimes')}
        />
      )}
      {form.mode === 'interval' && (
        <div className="field">
          <p className="field-label">Interval</p>
          <p className="sentence-field">
            Every {numberInput('intervalMinutes', 'Interval in minutes')} minutes
          </p>
          {numberError('intervalMinutes')}
        </div>
      )}

      <label className="check">
        <input
          type="checkbox"
          checked={form.afterHoursHold}
          onChange={(event) => update({ afterHoursHold: event.target.checked })}
        />
        <span>
          Hold updates outside working hours
          <span className="check-note">They arrive when your next working day starts.</span>
        </span>
      </label>

      <fieldset className="field">
        <legend className="field-label">Let an update through anyway when</legend>
        <p className="sentence-field">
          it would reach you with less than {numberInput('marginMinutes', 'Margin in minutes')} minutes left
          to reply
        </p>
        {numberError('marginMinutes')}
        <p className="sentence-field">
          one sender sends{' '}
          {numberInput('repeatCount', 'Number of updates from one sender', 'input-number-small')} updates
          within {numberInput('repeatWithinMinutes', 'Within minutes')} minutes
        </p>
        {numberError('repeatCount')}
        {numberError('repeatWithinMinutes')}
        <p className="field-note">Urgent updates always come through.</p>
      </fieldset>

      <VipField
        idPrefix={`${id}-vip`}
        vips={form.vips}
        listError={fieldError('vips')}
        onChange={(vips) => update({ vips })}
      />

      <AliasField
        idPrefix={`${id}-alias`}
        aliases={form.aliases}
        listError={fieldError('aliases')}
        onChange={(aliases) => update({ aliases })}
      />

      <fieldset className="field">
        <legend className="field-label">Before a reply is due</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={form.atRiskReminders}
            onChange={(event) => update({ atRiskReminders: event.target.checked })}
          />
          <span>
            Remind me of open items
            <span className="check-note">
              One notification per item, several due together in one. During focus only when waiting would be
              too late.
            </span>
          </span>
        </label>
        <div className="reminder-minutes">
          <p className="sentence-field">
            {numberInput(
              'atRiskMinutes',
              'Minutes before the deadline',
              'input-number',
              !form.atRiskReminders,
            )}{' '}
            minutes before the deadline, in working hours
          </p>
          {numberError('atRiskMinutes')}
        </div>
      </fieldset>

      <CharterStatus check={check} invalid={!result.ok} />

      <SaveActions label="Save delivery settings" dirty={dirty} saving={saving} outcome={outcome} />
    </form>
  );
}
