import { useShallow } from 'zustand/react/shallow';
import { formatFocusLabel } from '../../../shared/due-format';
import type { Clock } from '../../hooks/useClock';
import { selectFocusView } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { useFocusActions } from './useFocusActions';
import './focus.css';

/**
 * Accessible names are part of the e2e contract. The timed buttons' names contain "Focus for 25
 * minutes" etc. but start with "Start", so `/^Focus/` finds only the toggle. Their visible text is
 * whole words of the name (WCAG 2.5.3, label in name).
 */
export const TIMED_FOCUS = [
  { minutes: 25, label: '25 minutes', name: 'Start focus for 25 minutes' },
  { minutes: 60, label: '1 hour', name: 'Start focus for 1 hour' },
  { minutes: 120, label: '2 hours', name: 'Start focus for 2 hours' },
] as const;

export function FocusControls({ clock }: { clock: Clock }) {
  const { focus, pending, error } = useLullStore(useShallow(selectFocusView));
  const { toggle, focusFor } = useFocusActions();
  const active = focus?.active ?? false;
  const label = focus ? formatFocusLabel(focus, clock) : 'Focus';

  return (
    <div className="focus-controls">
      <button
        type="button"
        className="focus-toggle"
        data-active={active}
        aria-pressed={active}
        aria-busy={pending || undefined}
        disabled={focus === null}
        onClick={() => {
          if (!pending) void toggle(active);
        }}
      >
        <span className="focus-toggle-dot" aria-hidden="true" />
        {label}
      </button>
      <fieldset className="focus-timed">
        <legend className="visually-hidden">Timed focus</legend>
        <span className="focus-timed-legend" aria-hidden="true">
          For
        </span>
        {TIMED_FOCUS.map(({ minutes, label: text, name }) => (
          <button
            key={minutes}
            type="button"
            className="focus-timed-button"
            aria-label={name}
            title={name}
            disabled={focus === null}
            onClick={() => {
              if (!pending) void focusFor(minutes);
            }}
          >
            {text}
          </button>
        ))}
      </fieldset>
      {error && (
        <p className="focus-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
