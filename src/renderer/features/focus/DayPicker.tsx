import type { ReactNode } from 'react';
import { WEEKDAY_NAMES } from './rule-format';

interface Props {
  /** Each checkbox's id is `${idPrefix}-${day}`, so the form can focus Monday on an error. */
  idPrefix: string;
  days: readonly number[];
  invalid: boolean;
  describedBy: string | undefined;
  onChange(days: number[]): void;
  /** The error, shown under the chips. */
  children?: ReactNode;
}

/** Seven checkboxes drawn as chips, in a fieldset whose legend is "Days". */
export function DayPicker({ idPrefix, days, invalid, describedBy, onChange, children }: Props) {
  return (
    <fieldset className="field" aria-describedby={describedBy}>
      <legend className="field-label">Days</legend>
      <div className="day-picker">
        {WEEKDAY_NAMES.map(({ day, short, long }) => (
          <label key={day} className="day-option">
            <input
              id={`${idPrefix}-${day}`}
              type="checkbox"
              checked={days.includes(day)}
              aria-invalid={invalid || undefined}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...days, day].sort((a, b) => a - b) : days.filter((d) => d !== day),
                )
              }
            />
            <span aria-hidden="true">{short}</span>
            <span className="visually-hidden">{long}</span>
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}
