import { useEffect, useRef } from 'react';
import { FieldError } from '../../components/FieldError';
import { MAX_SUMMARY_TIMES, nextSummaryTime } from './delivery-form';

interface Props {
  readonly idPrefix: string;
  readonly times: readonly string[];
  readonly errors: Readonly<Record<number, string>>;
  readonly listError: string | undefined;
  readonly onChange: (times: string[]) => void;
  readonly onBlur: () => void;
}

/** Summary times on working days: one time input per row, Remove each, Add another. */
export function SummaryTimesField({ idPrefix, times, errors, listError, onChange, onBlur }: Props) {
  const addButton = useRef<HTMLButtonElement>(null);
  const focusRow = useRef<number | null>(null);

  useEffect(() => {
    if (focusRow.current === null) return;
    const target = document.getElementById(`${idPrefix}-${focusRow.current}`) ?? addButton.current;
    target?.focus();
    focusRow.current = null;
  });

  return (
    <fieldset className="field summary-times" aria-describedby={listError ? `${idPrefix}-error` : undefined}>
      <legend className="field-label">Summary times</legend>
      <p className="field-note">On working days, in your time zone.</p>
      {times.length > 0 ? (
        <ul className="summary-time-list">
          {times.map((time, index) => {
            const id = `${idPrefix}-${index}`;
            const error = errors[index];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; two may hold the same time while edited.
              <li key={index} className="summary-time">
                <label htmlFor={id} className="visually-hidden">
                  Summary time {index + 1}
                </label>
                <input
                  id={id}
                  className="input input-time"
                  type="time"
                  value={time}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  onChange={(event) => onChange(times.map((t, i) => (i === index ? event.target.value : t)))}
                  onBlur={onBlur}
                />
                <button
                  type="button"
                  className="button button-ghost button-small"
                  onClick={() => {
                    focusRow.current = times.length > 1 ? Math.min(index, times.length - 2) : -1;
                    onChange(times.filter((_, i) => i !== index));
                  }}
                >
                  Remove<span className="visually-hidden"> {time || `summary time ${index + 1}`}</span>
                </button>
                <FieldError id={`${id}-error`} message={error} />
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="field-note summary-times-none">
          No summary times: held updates wait for focus to end or for you.
        </p>
      )}
      <FieldError id={`${idPrefix}-error`} message={listError} />
      <button
        ref={addButton}
        type="button"
        className="button button-small"
        disabled={times.length >= MAX_SUMMARY_TIMES}
        onClick={() => {
          focusRow.current = times.length;
          onChange([...times, nextSummaryTime(times)]);
        }}
      >
        <svg className="button-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <path d="M8 3v10M3 8h10" />
        </svg>
        Add a time
      </button>
    </fieldset>
  );
}
