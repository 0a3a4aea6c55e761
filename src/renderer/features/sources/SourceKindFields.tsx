import { SOURCE_SECRET_LABEL } from '../../../shared/source-schemas';
import { FieldError } from '../../components/FieldError';
import { describedProps, fieldIdFor, TextField } from './SourceField';
import type { SourceField, SourceFormErrors, SourceFormState } from './source-form';

interface Props {
  readonly formId: string;
  readonly form: SourceFormState;
  readonly errors: SourceFormErrors;
  readonly hasSecret: boolean;
  readonly update: (patch: Partial<SourceFormState>) => void;
}

function Check({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <span>{label}</span>
    </label>
  );
}

/** The chosen kind's own settings: the feed address, GitHub's API and token, or the mail server. */
export function SourceKindFields({ formId, form, errors, hasSecret, update }: Props) {
  const at = (field: SourceField) => ({ formId, field, error: errors[field] });
  const secretLabel = SOURCE_SECRET_LABEL[form.kind];
  const secret = secretLabel && (
    <TextField
      {...at('secret')}
      label={form.kind === 'github' ? 'Personal access token' : 'Password'}
      value={form.secret}
      onChange={(value) => update({ secret: value })}
      note={
        hasSecret
          ? `A ${secretLabel} is stored. Leave this empty to keep it.`
          : `Stored by Lull on this computer, never shown again.`
      }
      input={{
        type: 'password',
        autoComplete: 'new-password',
        placeholder: hasSecret ? 'stored' : undefined,
      }}
    />
  );

  if (form.kind === 'rss') {
    return (
      <div className="field-row">
        <TextField
          {...at('url')}
          grow
          label="Feed address"
          value={form.url}
          onChange={(url) => update({ url })}
          input={{ type: 'url', inputMode: 'url', placeholder: 'https://example.com/feed.xml' }}
        />
      </div>
    );
  }

  if (form.kind === 'github') {
    return (
      <>
        <div className="field-row">
          <TextField
            {...at('baseUrl')}
            grow
            label="API address"
            value={form.baseUrl}
            onChange={(baseUrl) => update({ baseUrl })}
            note="https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server"
            input={{ type: 'url', inputMode: 'url' }}
          />
          {secret}
        </div>
        <div className="field-row">
          <Check
            label="Only threads I take part in"
            checked={form.participatingOnly}
            onChange={(participatingOnly) => update({ participatingOnly })}
          />
          <Check
            label="Mark read on GitHub when done"
            checked={form.markReadOnDone}
            onChange={(markReadOnDone) => update({ markReadOnDone })}
          />
        </div>
      </>
    );
  }

  return (
    <>
      <div className="field-row">
        <TextField
          {...at('host')}
          grow
          label="Mail server"
          value={form.host}
          onChange={(host) => update({ host })}
          input={{ placeholder: 'imap.example.com' }}
        />
        <TextField
          {...at('port')}
          label="Port"
          value={form.port}
          onChange={(port) => update({ port })}
          input={{
            inputMode: 'numeric',
            className: 'input input-number',
            placeholder: form.tls ? '993' : '143',
          }}
        />
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={form.tls}
              {...describedProps(at('tls'))}
              onChange={(event) => update({ tls: event.target.checked })}
            />
            <span>Use TLS</span>
          </label>
          <FieldError id={`${fieldIdFor(formId, 'tls')}-error`} message={errors.tls} />
        </div>
      </div>
      <div className="field-row">
        <TextField
          {...at('user')}
          grow
          label="User name"
          value={form.user}
          onChange={(user) => update({ user })}
          input={{ autoComplete: 'username' }}
        />
        {secret}
      </div>
      <div className="field-row">
        <TextField
          {...at('folders')}
          grow
          label="Folders"
          value={form.folders}
          onChange={(folders) => update({ folders })}
          note="Separated by commas, like INBOX, Team"
        />
        <Check
          label="Mark seen when done"
          checked={form.markSeenOnDone}
          onChange={(markSeenOnDone) => update({ markSeenOnDone })}
        />
      </div>
    </>
  );
}
