import { useId, useState } from 'react';
import { formatInstant } from '../../../shared/due-format';
import { parseCustomSnooze, type SnoozeChoices } from '../../../shared/snooze';
import { ModalDialog } from '../../components/ModalDialog';
import type { ClockReading } from '../../lib/clock';
import { useClockSource } from '../../services/useServices';
import { DateTimeField } from './DateTimeField';
import { localInputValue } from './local-input';

interface Props {
  readonly count: number;
  readonly clock: ClockReading;
  readonly choices: SnoozeChoices;
  /** The zone a custom time is read in. */
  readonly zone: string;
  readonly onSnooze: (until: number) => void;
  readonly onClose: () => void;
}

/**
 * Snooze: later today (three working hours on, while that is still today), tomorrow morning, next
 * week, or a time of one's own. The first choice has focus; arrows, Tab and Enter pick.
 */
export function SnoozeDialog({ count, clock, choices, zone, onSnooze, onClose }: Props) {
  const source = useClockSource();
  const titleId = useId();
  const [custom, setCustom] = useState(() => localInputValue(choices.tomorrowMorning, zone));
  const [error, setError] = useState<string | null>(null);
  const quick = [
    choices.laterToday === null ? null : { label: 'Later today', at: choices.laterToday },
    { label: 'Tomorrow morning', at: choices.tomorrowMorning },
    { label: 'Next week', at: choices.nextWeek },
  ].filter((choice): choice is { label: string; at: number } => choice !== null);

  const submitCustom = () => {
    const parsed = parseCustomSnooze(custom, zone, source.now());
    if (parsed.ok) onSnooze(parsed.at);
    else setError(parsed.error);
  };

  return (
    <ModalDialog className="inbox-dialog" labelledBy={titleId} onClose={onClose}>
      <div className="inbox-dialog-body">
        <h2 id={titleId} className="inbox-dialog-title">
          Snooze {count === 1 ? 'this item' : `${count} items`} until…
        </h2>
        <ul className="snooze-choices" aria-label="Snooze until">
          {quick.map((choice, i) => (
            <li key={choice.label}>
              <button
                type="button"
                className="snooze-choice"
                // biome-ignore lint/a11y/noAutofocus: the dialog opens on its first choice, as menus do.
                autoFocus={i === 0}
                onClick={() => onSnooze(choice.at)}
                onKeyDown={(event) => {
                  const list = event.currentTarget.closest('ul');
                  const buttons = [...(list?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
                  const at = buttons.indexOf(event.currentTarget);
                  if (event.key === 'ArrowDown') buttons[Math.min(at + 1, buttons.length - 1)]?.focus();
                  else if (event.key === 'ArrowUp') buttons[Math.max(at - 1, 0)]?.focus();
                  else return;
                  event.preventDefault();
                }}
              >
                <span>{choice.label}</span>
                <span className="snooze-when">{formatInstant(choice.at, clock)}</span>
              </button>
            </li>
          ))}
        </ul>
        <form
          className="snooze-custom"
          onSubmit={(event) => {
            event.preventDefault();
            submitCustom();
          }}
        >
          <div className="snooze-custom-row">
            <DateTimeField
              label="Pick a time"
              value={custom}
              error={error}
              onChange={(value) => {
                setCustom(value);
                setError(null);
              }}
            />
            <button type="submit" className="button">
              Snooze
            </button>
          </div>
        </form>
        <div className="inbox-dialog-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
