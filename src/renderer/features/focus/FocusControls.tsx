import { useShallow } from 'zustand/react/shallow';
import { formatFocusLabel } from '../../../shared/due-format';
import type { ClockReading } from '../../lib/clock';
import { selectFocusView } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { TIMED_FOCUS, untilChoices } from './focus-choices';
import { MoreFocusMenu } from './MoreFocusMenu';
import { useFocusActions } from './useFocusActions';
import { useRunningBlock } from './useRunningBlock';
import { blockName } from './week-timeline';
import './focus.css';

/**
 * The header's focus controls. The toggle's accessible name starts with "Focus" in every state (the
 * e2e contract): while a block is skipped it reads "Skipping Deep work" with "Focus off · " before it
 * for screen readers, so the visible words stay inside the name.
 */
export function FocusControls({ clock }: { clock: ClockReading }) {
  const { focus, pending, error } = useLullStore(useShallow(selectFocusView));
  const { toggle, request } = useFocusActions();
  const block = useRunningBlock(clock.now);
  const active = focus?.active ?? false;
  const skipping = !active && (focus?.skipping ?? false);
  const label = focus ? formatFocusLabel(focus, clock, block ? blockName(block) : null) : 'Focus';
  const hint = !focus
    ? undefined
    : active
      ? focus.cause === 'schedule'
        ? 'Skip the rest of this block'
        : 'Turn focus off'
      : skipping
        ? 'Resume this block'
        : 'Turn focus on';

  return (
    <div className="focus-controls">
      <button
        type="button"
        className="focus-toggle"
        data-active={active}
        data-skipping={skipping || undefined}
        aria-pressed={active}
        aria-busy={pending || undefined}
        title={hint}
        disabled={focus === null}
        onClick={() => {
          if (!pending) void toggle(focus);
        }}
      >
        <span className="focus-toggle-dot" aria-hidden="true" />
        {skipping && <span className="visually-hidden">Focus off · </span>}
        {label}
      </button>
      <fieldset className="focus-timed">
        <legend className="visually-hidden">Timed focus</legend>
        <span className="focus-timed-legend" aria-hidden="true">
          For
        </span>
        {TIMED_FOCUS.map((choice) => (
          <button
            key={choice.id}
            type="button"
            className="focus-timed-button"
            aria-label={choice.name}
            title={choice.name}
            disabled={focus === null}
            onClick={() => {
              if (!pending) void request(choice.change);
            }}
          >
            {choice.label}
          </button>
        ))}
        <MoreFocusMenu
          choices={untilChoices(block !== null)}
          disabled={focus === null}
          onChoose={(choice) => {
            if (!pending) void request(choice.change);
          }}
        />
      </fieldset>
      {error && (
        <p className="focus-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
