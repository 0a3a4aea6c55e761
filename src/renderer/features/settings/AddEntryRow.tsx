import type { InputHTMLAttributes, RefObject } from 'react';
import { FieldError } from '../../components/FieldError';

interface Props {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly idPrefix: string;
  /** What the field's Add button adds, for screen readers ("VIP", "person"). */
  readonly what: string;
  readonly placeholder: string;
  readonly maxLength: number;
  readonly message: string | null | undefined;
  readonly inputProps: InputHTMLAttributes<HTMLInputElement>;
  readonly onAdd: () => void;
}

/** The add row of a list field: one text input, its Add button, and the error in words beneath. */
export function AddEntryRow({
  inputRef,
  idPrefix,
  what,
  placeholder,
  maxLength,
  message,
  inputProps,
  onAdd,
}: Props) {
  const errorId = `${idPrefix}-error`;
  return (
    <>
      <div className="vip-add">
        <input
          ref={inputRef}
          id={`${idPrefix}-input`}
          className="input"
          type="text"
          maxLength={maxLength}
          autoComplete="off"
          placeholder={placeholder}
          aria-invalid={message ? true : undefined}
          aria-describedby={[`${idPrefix}-note`, message && errorId].filter(Boolean).join(' ')}
          {...inputProps}
        />
        <button type="button" className="button button-small" onClick={onAdd}>
          Add<span className="visually-hidden"> {what}</span>
        </button>
      </div>
      <FieldError id={errorId} message={message ?? undefined} />
    </>
  );
}
