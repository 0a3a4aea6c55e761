import { useId, useMemo, useState } from 'react';
import { WEEKDAYS, type Weekday } from '../../../shared/working-time';
import { FieldError } from '../../components/FieldError';
import { useClockSource, useLullApi } from '../../services/useServices';
import { recomputedText } from './charter-form';
import { HolidaysField } from './HolidaysField';
import { SaveActions } from './SaveActions';
import { useSettingsForm } from './useSettingsForm';
import {
  type DayForm,
  dayName,
  effectiveZone,
  formToWorkingTime,
  nextInterval,
  sameWorkingTime,
  type WorkingTimeValue,
  workingTimeFieldOrder,
  workingTimeToForm,
  zoneChoices,
} from './working-time-form';

/**
 * The time zone, the hours of each weekday and the holidays reply windows are counted in. Checked by
 * the core's own schema; a refused save focuses the first problem, a saved one says how many open
 * items were re-timed.
 */
export function WorkingTimeForm({ saved }: { saved: WorkingTimeValue }) {
  const api = useLullApi();
  const id = useId();
  const clock = useClockSource();
  const [system] = useState(clock.zone);
  const { form, update, attempted, saving, outcome, dirty, handleSubmit } = useSettingsForm({
    saved,
    toForm: (value: WorkingTimeValue) => workingTimeToForm(value, system),
    same: sameWorkingTime,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the list is built once; the saved zone is always in it.
  const zones = useMemo(() => zoneChoices(Intl.supportedValuesOf('timeZone'), saved.timeZone ?? system), []);

  const result = formToWorkingTime(form);
  // As in the charter form: messages from the first save on, never on blur, so no click is lost to a shift.
  const errorFor = (key: string) => (!result.ok && attempted ? result.errors[key] : undefined);
  const fieldId = (key: string) => `${id}-${key}`;
  const elementFor = (key: string) =>
    key === 'week'
      ? fieldId('on-1')
      : key.startsWith('day-')
        ? fieldId(`start-${key.slice(4)}-0`)
        : key === 'holidays'
          ? fieldId('holidays-date')
          : fieldId(key);

  const updateDay = (day: Weekday, patch: Partial<DayForm>) =>
    update({ days: { ...form.days, [day]: { ...form.days[day], ...patch } } });

  const submit = handleSubmit({
    value: result.ok ? result.value : null,
    focusFirstProblem: () => {
      const first = result.ok ? undefined : workingTimeFieldOrder(form).find((key) => result.errors[key]);
      if (first) document.getElementById(elementFor(first))?.focus();
    },
    save: async (value) => {
      const { recomputed } = await api.settings.saveWorkingTime(value);
      // The form stays as typed: a day turned off keeps its hours for when it is turned on again.
      return { saved: value, text: recomputedText(recomputed), reload: false };
    },
  });

  const zoneError = errorFor('zone');
  const weekError = errorFor('week');

  return (
    <form className="settings-card working-form" aria-labelledby="working-title" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor={fieldId('zone')} className="field-label">
          Time zone
        </label>
        <div className="zone-row">
          <input
            id={fieldId('zone')}
            className="input zone-input"
            type="text"
            list={fieldId('zones')}
            autoComplete="off"
            spellCheck={false}
            value={form.useSystemZone ? system : form.zone}
            disabled={form.useSystemZone}
            aria-invalid={zoneError ? true : undefined}
            aria-describedby={zoneError ? fieldId('zone-error') : undefined}
            onChange={(event) => update({ zone: event.target.value })}
          />
          <label className="check zone-system">
            <input
              type="checkbox"
              checked={form.useSystemZone}
              onChange={(event) => update({ useSystemZone: event.target.checked })}
            />
            <span>Use the system zone</span>
          </label>
        </div>
        <datalist id={fieldId('zones')}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <FieldError id={fieldId('zone-error')} message={zoneError} />
      </div>

      <fieldset className="field" aria-describedby={weekError ? fieldId('week-error') : undefined}>
        <legend className="field-label">Working hours</legend>
        <p className="field-note">Reply windows counted in working time run only during these hours.</p>
        <ul className="workweek-hours">
          {WEEKDAYS.map((day) => (
            <WeekdayRow
              key={day}
              day={day}
              value={form.days[day]}
              fieldId={fieldId}
              errorFor={errorFor}
              onChange={(patch) => updateDay(day, patch)}
            />
          ))}
        </ul>
        <FieldError id={fieldId('week-error')} message={weekError} />
      </fieldset>

      <HolidaysField
        idPrefix={fieldId('holidays')}
        holidays={form.holidays}
        zone={effectiveZone(form, system)}
        listError={errorFor('holidays')}
        onChange={(holidays) => update({ holidays })}
      />

      <SaveActions label="Save working time" dirty={dirty} saving={saving} outcome={outcome} />
    </form>
  );
}

interface RowProps {
  readonly day: Weekday;
  readonly value: DayForm;
  readonly fieldId: (key: string) => string;
  readonly errorFor: (key: string) => string | undefined;
  readonly onChange: (patch: Partial<DayForm>) => void;
}

/** One weekday: on or off, and its spans of hours (several for a split day). */
function WeekdayRow({ day, value, fieldId, errorFor, onChange }: RowProps) {
  const name = dayName(day);
  const { intervals } = value;
  const dayError = errorFor(`day-${day}`);
  const setSpan = (index: number, key: 'start' | 'end', time: string) =>
    onChange({ intervals: intervals.map((span, i) => (i === index ? { ...span, [key]: time } : span)) });

  return (
    <li className="workweek-day" data-on={value.on}>
      <label className="check workweek-toggle">
        <input
          id={fieldId(`on-${day}`)}
          type="checkbox"
          checked={value.on}
          onChange={(event) => onChange({ on: event.target.checked })}
        />
        <span>{name}</span>
      </label>
      <div className="workweek-spans">
        {value.on ? (
          intervals.map((span, index) => {
            const which = intervals.length > 1 ? `, span ${index + 1}` : '';
            const keys = { start: `start-${day}-${index}`, end: `end-${day}-${index}` } as const;
            const errors = { start: errorFor(keys.start), end: errorFor(keys.end) };
            const timeInput = (key: 'start' | 'end') => (
              <input
                id={fieldId(keys[key])}
                className="input input-time"
                type="time"
                value={span[key]}
                aria-label={`${name} ${key}${which}`}
                aria-invalid={errors[key] || (dayError && index === 0) ? true : undefined}
                aria-describedby={
                  [errors[key] && fieldId(`${keys[key]}-error`), dayError && fieldId(`day-${day}-error`)]
                    .filter(Boolean)
                    .join(' ') || undefined
                }
                onChange={(event) => setSpan(index, key, event.target.value)}
              />
            );
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: spans are positions; two may hold the same times while edited.
              <div key={index} className="workweek-span">
                {timeInput('start')}
                <span className="workweek-dash" aria-hidden="true">
                  –
                </span>
                {timeInput('end')}
                {span.end === '00:00' && <span className="workweek-midnight">midnight</span>}
                {intervals.length > 1 && (
                  <button
                    type="button"
                    className="button button-ghost button-small"
                    onClick={() => {
                      onChange({ intervals: intervals.filter((_, i) => i !== index) });
                      document.getElementById(fieldId(`on-${day}`))?.focus();
                    }}
                  >
                    Remove<span className="visually-hidden"> {`${name} ${span.start}–${span.end}`}</span>
                  </button>
                )}
                <FieldError id={fieldId(`${keys.start}-error`)} message={errors.start} />
                <FieldError id={fieldId(`${keys.end}-error`)} message={errors.end} />
              </div>
            );
          })
        ) : (
          <span className="workweek-off">Day off</span>
        )}
        <FieldError id={fieldId(`day-${day}-error`)} message={dayError} />
      </div>
      {value.on && (
        <button
          type="button"
          className="button button-ghost button-small workweek-add"
          onClick={() => onChange({ intervals: [...intervals, nextInterval(intervals)] })}
        >
          <svg className="button-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M8 3v10M3 8h10" />
          </svg>
          Add hours<span className="visually-hidden"> on {name}</span>
        </button>
      )}
    </li>
  );
}
