import './field-error.css';

/** A field's problem in words, referenced by the field's aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <svg className="field-error-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" />
        <path d="M8 4.5v4.25M8 11.25v.25" />
      </svg>
      {message}
    </p>
  );
}
