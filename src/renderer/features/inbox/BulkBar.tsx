import type { ItemStatus } from '../../db/lull-db';

interface Props {
  readonly count: number;
  readonly status: ItemStatus;
  readonly onDone: () => void;
  readonly onSnooze: () => void;
  readonly onClear: () => void;
}

/** What to do with the ticked rows: done (or back to the inbox), snooze, or clear the ticks. */
export function BulkBar({ count, status, onDone, onSnooze, onClear }: Props) {
  return (
    <section className="bulk-bar" aria-label="Selected items">
      <p className="bulk-count" aria-live="polite">
        {count} selected
      </p>
      <button type="button" className="button button-small" onClick={onDone}>
        {status === 'open' ? 'Done' : 'Back to inbox'}
      </button>
      <button type="button" className="button button-small" aria-haspopup="dialog" onClick={onSnooze}>
        Snooze…
      </button>
      <button type="button" className="button button-ghost button-small" onClick={onClear}>
        Clear selection
      </button>
    </section>
  );
}
