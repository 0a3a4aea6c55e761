import { useId } from 'react';
import { CHANNEL_LABELS, CHANNELS } from '../../../shared/channels';
import { SOURCE_KIND_LABELS, SOURCE_KINDS, type SourceDraft } from '../../../shared/source-schemas';
import { FieldError } from '../../components/FieldError';
import { useValidatedForm } from '../../components/useValidatedForm';
import { describedProps, fieldIdFor, TextField } from './SourceField';
import { SourceKindFields } from './SourceKindFields';
import {
  formToDraft,
  SOURCE_FIELDS,
  type SourceField,
  type SourceFormState,
  switchKind,
} from './source-form';

interface Props {
  readonly initial: SourceFormState;
  readonly hasSecret: boolean;
  /** "Add a source" or "Edit Handbook". */
  readonly title: string;
  /** Resolves to null once saved, or to the core's refusal in words. */
  onSave(draft: SourceDraft, secret: string | undefined): Promise<string | null>;
  onCancel(): void;
}

/**
 * Add or edit one source. `sourceDraftSchema` decides what is valid; its messages appear next to their
 * fields after the first save attempt. The secret lives in this form's state only, until it is sent.
 */
export function SourceForm({ initial, hasSecret, title, onSave, onCancel }: Props) {
  const formId = useId();
  const editing = Boolean(initial.id);
  const {
    form,
    update,
    reset,
    errors,
    saving,
    saveError,
    submit,
    onKeyDown,
    firstInput: nameInput,
  } = useValidatedForm({
    initial,
    validate: (state: SourceFormState) => {
      const result = formToDraft(state, hasSecret);
      return result.ok ? { ok: true as const, value: result } : result;
    },
    fieldOrder: SOURCE_FIELDS,
    elementIdFor: (field) => fieldIdFor(formId, field),
    // On success the parent closes the form, and the secret goes with it.
    save: (value) => onSave(value.draft, value.secret),
    refusalLead: 'The source was not saved',
    onCancel,
  });

  const at = (field: SourceField) => ({ formId, field, error: errors[field] });

  return (
    <form
      className="rule-form source-form"
      aria-labelledby={`${formId}-title`}
      noValidate
      onSubmit={submit}
      onKeyDown={onKeyDown}
    >
      <h3 id={`${formId}-title`} className="rule-form-title">
        {title}
      </h3>

      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor={fieldIdFor(formId, 'name')} className="field-label">
            Name
          </label>
          <input
            ref={nameInput}
            className="input input-wide"
            type="text"
            autoComplete="off"
            maxLength={100}
            placeholder="e.g. Team handbook"
            value={form.name}
            {...describedProps(at('name'))}
            onChange={(event) => update({ name: event.target.value })}
          />
          <FieldError id={`${fieldIdFor(formId, 'name')}-error`} message={errors.name} />
        </div>
        <fieldset className="field" disabled={editing}>
          <legend className="field-label">Kind</legend>
          <div className="segmented">
            {SOURCE_KINDS.map((kind) => (
              <label key={kind} className="segmented-option">
                <input
                  type="radio"
                  name={`${formId}-kind`}
                  value={kind}
                  checked={form.kind === kind}
                  onChange={() => reset(switchKind(form, kind))}
                />
                <span>{SOURCE_KIND_LABELS[kind]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      <SourceKindFields formId={formId} form={form} errors={errors} hasSecret={hasSecret} update={update} />

      <div className="field-row">
        <TextField
          {...at('pollMinutes')}
          label="Check every (minutes)"
          value={form.pollMinutes}
          onChange={(pollMinutes) => update({ pollMinutes })}
          note="From 1 to 60"
          input={{ inputMode: 'numeric', className: 'input input-number' }}
        />
        <div className="field">
          <label htmlFor={fieldIdFor(formId, 'channel')} className="field-label">
            Channel
          </label>
          <select
            className="input"
            value={form.channel}
            {...describedProps(at('channel'), 'note')}
            onChange={(event) => update({ channel: event.target.value as SourceFormState['channel'] })}
          >
            {CHANNELS.map((channel) => (
              <option key={channel} value={channel}>
                {CHANNEL_LABELS[channel]}
              </option>
            ))}
          </select>
          <FieldError id={`${fieldIdFor(formId, 'channel')}-error`} message={errors.channel} />
          <p id={`${fieldIdFor(formId, 'channel')}-note`} className="field-note">
            Its reply window sets each update's deadline
          </p>
        </div>
      </div>

      {saveError && (
        <p className="form-error" role="alert">
          {saveError}
        </p>
      )}

      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={saving || undefined}>
          {editing ? 'Save source' : 'Add source'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
