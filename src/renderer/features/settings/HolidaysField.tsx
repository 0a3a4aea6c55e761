import { useEffect, useRef, useState } from 'react';
import { describeError } from '../../lib/errors';
import { FieldError } from '../focus/FieldError';
import { addHoliday, formatHoliday, importHolidaysIcs, importSummary } from './working-time-form';

interface Props {
  readonly idPrefix: string;
  readonly holidays: readonly string[];
  /** The zone an .ics event with a time is read in. */
  readonly zone: string;
  readonly listError: string | undefined;
  readonly onChange: (holidays: string[]) => void;
}

/** A public-holiday calendar is a few kilobytes; anything this big is not one. */
const MAX_ICS_BYTES = 2_000_000;

type Outcome = { ok: boolean; text: string } | null;

/** Dates without working time: add one with a date input, remove each, or merge in an .ics calendar. */
export function HolidaysField({ idPrefix, holidays, zone, listError, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [reading, setReading] = useState(false);
  const dateInput = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const focusAfterRemove = useRef<number | null>(null);
  const dateId = `${idPrefix}-date`;
  const fileId = `${idPrefix}-file`;
  const errorId = `${idPrefix}-error`;
  const message = addError ?? listError;

  // After a removal, focus the chip that took its place (or the date input when none is left).
  useEffect(() => {
    if (focusAfterRemove.current === null) return;
    const target =
      document.getElementById(`${idPrefix}-remove-${focusAfterRemove.current}`) ?? dateInput.current;
    target?.focus();
    focusAfterRemove.current = null;
  });

  const add = () => {
    const result = addHoliday(holidays, draft);
    if ('error' in result) {
      setAddError(result.error);
      return;
    }
    setAddError(null);
    setDraft('');
    setOutcome(null);
    onChange(result.holidays);
  };

  const importFile = async (file: File) => {
    setReading(true);
    setOutcome(null);
    try {
      if (file.size > MAX_ICS_BYTES) {
        setOutcome({
          ok: false,
          text: `${file.name} is too large for a holiday calendar. The holidays are unchanged.`,
        });
        return;
      }
      const result = importHolidaysIcs(holidays, await file.text(), zone);
      if (!result.ok) {
        setOutcome({ ok: false, text: `${file.name}: ${result.error}` });
        return;
      }
      if (result.added > 0) onChange(result.holidays);
      setOutcome({ ok: true, text: importSummary(result) });
    } catch (failure) {
      setOutcome({ ok: false, text: `Could not read ${file.name}: ${describeError(failure)}` });
    } finally {
      setReading(false);
      // The same file can be chosen again.
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <fieldset className="field holidays-field" aria-describedby={`${idPrefix}-note`}>
      <legend className="field-label">
        Holidays
        {holidays.length > 0 && <span className="holiday-count"> · {holidays.length}</span>}
      </legend>
      <p className="field-note" id={`${idPrefix}-note`}>
        Days without working time. Reply windows counted in working time skip them.
      </p>
      <div className="holiday-add">
        <label htmlFor={dateId} className="visually-hidden">
          Holiday date
        </label>
        <input
          ref={dateInput}
          id={dateId}
          className="input input-date"
          type="date"
          value={draft}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? errorId : undefined}
          onChange={(event) => {
            setDraft(event.target.value);
            setAddError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button-small" onClick={add}>
          Add<span className="visually-hidden"> holiday</span>
        </button>
        <span className="holiday-or" aria-hidden="true">
          or
        </span>
        <input
          ref={fileInput}
          id={fileId}
          className="holiday-file visually-hidden"
          type="file"
          accept=".ics,text/calendar"
          disabled={reading}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) void importFile(file);
          }}
        />
        <label htmlFor={fileId} className="button button-small" aria-busy={reading || undefined}>
          Import .ics…
        </label>
      </div>
      <FieldError id={errorId} message={message ?? undefined} />
      <p className="holiday-status" role="status" data-ok={outcome?.ok}>
        {outcome?.text}
      </p>
      {holidays.length > 0 ? (
        <ul className="holiday-list" aria-label="Holidays">
          {holidays.map((date, index) => (
            <li key={date} className="holiday-chip">
              <time dateTime={date}>{formatHoliday(date)}</time>
              <button
                id={`${idPrefix}-remove-${index}`}
                type="button"
                className="vip-remove"
                aria-label={`Remove ${formatHoliday(date)}`}
                onClick={() => {
                  focusAfterRemove.current = holidays.length > 1 ? Math.min(index, holidays.length - 2) : -1;
                  setOutcome(null);
                  onChange(holidays.filter((d) => d !== date));
                }}
              >
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <path d="M5 5l6 6M11 5l-6 6" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="field-note holiday-none">No holidays yet.</p>
      )}
    </fieldset>
  );
}
