import { useEffect, useRef, useState } from 'react';
import { FieldError } from '../../components/FieldError';
import { describeError } from '../../lib/errors';
import { ChipList } from './ChipList';
import { FileButton } from './FileButton';
import { useListDraft } from './useListDraft';
import type { Outcome } from './useSettingsForm';
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

/** Dates without working time: add one with a date input, remove each, or merge in an .ics calendar. */
export function HolidaysField({ idPrefix, holidays, zone, listError, onChange }: Props) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [reading, setReading] = useState(false);
  const dateInput = useRef<HTMLInputElement>(null);
  const focusAfterRemove = useRef<number | null>(null);
  const dateId = `${idPrefix}-date`;
  const errorId = `${idPrefix}-error`;
  const draft = useListDraft((date) => {
    const result = addHoliday(holidays, date);
    if ('error' in result) return result.error;
    setOutcome(null);
    onChange(result.holidays);
    return null;
  });
  const message = draft.error ?? listError;

  // After a removal, focus the chip that took its place (or the date input when none is left).
  useEffect(() => {
    if (focusAfterRemove.current === null) return;
    const target =
      document.getElementById(`${idPrefix}-remove-${focusAfterRemove.current}`) ?? dateInput.current;
    target?.focus();
    focusAfterRemove.current = null;
  });

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
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? errorId : undefined}
          {...draft.inputProps}
        />
        <button type="button" className="button button-small" onClick={draft.submit}>
          Add<span className="visually-hidden"> holiday</span>
        </button>
        <span className="holiday-or" aria-hidden="true">
          or
        </span>
        <FileButton accept=".ics,text/calendar" disabled={reading} busy={reading} onFile={importFile}>
          Import .ics…
        </FileButton>
      </div>
      <FieldError id={errorId} message={message ?? undefined} />
      <p className="form-outcome holiday-status" role="status" data-ok={outcome?.ok}>
        {outcome?.text}
      </p>
      {holidays.length > 0 ? (
        <ChipList
          label="Holidays"
          className="holiday-list"
          items={holidays}
          idPrefix={idPrefix}
          nameOf={formatHoliday}
          onRemove={(date, index) => {
            focusAfterRemove.current = holidays.length > 1 ? Math.min(index, holidays.length - 2) : -1;
            setOutcome(null);
            onChange(holidays.filter((d) => d !== date));
          }}
        >
          {(date) => <time dateTime={date}>{formatHoliday(date)}</time>}
        </ChipList>
      ) : (
        <p className="field-note holiday-none">No holidays yet.</p>
      )}
    </fieldset>
  );
}
