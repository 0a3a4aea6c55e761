import { useId } from 'react';
import { FieldError } from '../../components/FieldError';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly error: string | null;
  readonly onChange: (value: string) => void;
  readonly autoFocus?: boolean;
}

/** A labelled `datetime-local` field with its problem in words (snooze and deadline dialogs). */
export function DateTimeField({ label, value, error, onChange, autoFocus }: Props) {
  const id = useId();
  const errorId = useId();
  return (
    <div className="datetime-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="datetime-local"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        // biome-ignore lint/a11y/noAutofocus: the deadline dialog exists to edit this one field.
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
      />
      <FieldError id={errorId} message={error ?? undefined} />
    </div>
  );
}
