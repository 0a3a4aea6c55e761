import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldError } from '../../components/FieldError';
import type { SourceField } from './source-form';

export interface FieldProps {
  /** `${formId}-${field}` is the input's id, `…-error` its message's. */
  readonly formId: string;
  readonly field: SourceField;
  readonly error: string | undefined;
}

export const fieldIdFor = (formId: string, field: SourceField) => `${formId}-${field}`;

/** What a field's input needs to point at its message and hint. */
export function describedProps({ formId, field, error }: FieldProps, note?: string) {
  const ids = [error && `${fieldIdFor(formId, field)}-error`, note && `${fieldIdFor(formId, field)}-note`];
  return {
    id: fieldIdFor(formId, field),
    'aria-invalid': error ? true : undefined,
    'aria-describedby': ids.filter(Boolean).join(' ') || undefined,
  };
}

interface TextProps extends FieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly note?: string;
  readonly grow?: boolean;
  readonly input?: InputHTMLAttributes<HTMLInputElement>;
  readonly children?: ReactNode;
}

/** A labelled text input with its message in words and an optional hint below. */
export function TextField({ label, value, onChange, note, grow, input, children, ...field }: TextProps) {
  return (
    <div className={grow ? 'field field-grow' : 'field'}>
      <label htmlFor={fieldIdFor(field.formId, field.field)} className="field-label">
        {label}
      </label>
      <input
        className={grow ? 'input input-wide' : 'input'}
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={value}
        {...input}
        {...describedProps(field, note)}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldError id={`${fieldIdFor(field.formId, field.field)}-error`} message={field.error} />
      {note && (
        <p id={`${fieldIdFor(field.formId, field.field)}-note`} className="field-note">
          {note}
        </p>
      )}
      {children}
    </div>
  );
}
