import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { formatDue } from '../../../shared/due-format';
import { parseCustomSnooze } from '../../../shared/snooze';
import { ModalDialog } from '../../components/ModalDialog';
import type { ClockReading } from '../../lib/clock';
import { useClockSource, useDb } from '../../services/useServices';
import { DateTimeField } from './DateTimeField';
import { localInputValue } from './local-input';

interface Props {
  readonly id: string;
  readonly clock: ClockReading;
  readonly zone: string;
  /** A new deadline, or null to go back to the one the charter gives. */
  readonly onSave: (deadline: number | null) => void;
  readonly onClose: () => void;
}

/** Change an item's reply deadline: a time of one's own, or back to the charter's. */
export function DeadlineDialog({ id, clock, zone, onSave, onClose }: Props) {
  const db = useDb();
  const source = useClockSource();
  const item = useLiveQuery(() => db.items.get(id), [db, id]);
  const titleId = useId();
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = value ?? (item ? localInputValue(item.deadline, zone) : '');

  return (
    <ModalDialog className="inbox-dialog" labelledBy={titleId} onClose={onClose}>
      <form
        className="inbox-dialog-body"
        onSubmit={(event) => {
          event.preventDefault();
          // The same reading of a local time as a snooze: future only, DST gaps forward.
          const parsed = parseCustomSnooze(shown, zone, source.now());
          if (parsed.ok) onSave(parsed.at);
          else setError(parsed.error.replace('pick one', 'pick a deadline'));
        }}
      >
        <h2 id={titleId} className="inbox-dialog-title">
          Change the deadline
        </h2>
        {item && (
          <p className="inbox-dialog-note">
            {item.title} — now {formatDue(item.deadline, clock).text}
            {item.deadlineExplicit ? ' (set by hand or by the source)' : ' (from your charter)'}.
          </p>
        )}
        <DateTimeField
          label="Reply by"
          value={shown}
          error={error}
          autoFocus
          onChange={(next) => {
            setValue(next);
            setError(null);
          }}
        />
        <div className="inbox-dialog-actions">
          <button type="button" className="button button-ghost" onClick={() => onSave(null)}>
            Use the charter's deadline
          </button>
          <button type="button" className="button button-ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary">
            Save deadline
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
