import { useCallback, useState } from 'react';
import { formatInstant } from '../../../shared/due-format';
import type { StoredItem } from '../../db/lull-db';
import { useOpenItems } from '../../db/useOpenItems';
import type { Clock } from '../../hooks/useClock';
import { useItemActions } from '../../hooks/useItemActions';
import { EmptyState } from './EmptyState';
import { InboxList } from './InboxList';
import { UndoToast } from './UndoToast';
import './inbox.css';
import './reason.css';

/** The last thing done to an item, for the toast's Undo. */
interface LastAction {
  readonly item: StoredItem;
  readonly what: string;
}

export function InboxView({ clock }: { clock: Clock }) {
  const items = useOpenItems(clock.now);
  const actions = useItemActions();
  const [last, setLast] = useState<LastAction | null>(null);
  const snoozeLabel = formatInstant(actions.tomorrowMorningAt(clock.now), clock);

  const onDone = useCallback(
    (item: StoredItem) => {
      setLast({ item, what: 'Marked done' });
      void actions.done([item.id]);
    },
    [actions],
  );
  const onSnooze = useCallback(
    (item: StoredItem) => {
      void actions.snoozeUntilTomorrow([item.id]).then((until) => {
        setLast({ item, what: `Snoozed until ${formatInstant(until, { ...clock, now: Date.now() })}` });
      });
    },
    [actions, clock],
  );
  const onUndo = useCallback(() => {
    if (last) void actions.reopen([last.item.id]);
    setLast(null);
  }, [actions, last]);
  const onDismiss = useCallback(() => setLast(null), []);

  const overdue = items?.filter((item) => item.deadline < clock.now).length ?? 0;

  return (
    <>
      <div className="inbox-head">
        <h2 className="inbox-title">Inbox</h2>
        {items && items.length > 0 && (
          <p className="inbox-summary">
            {items.length} open
            {overdue > 0 && <span className="inbox-summary-overdue"> · {overdue} overdue</span>}
          </p>
        )}
      </div>
      {items === undefined ? null : items.length === 0 ? (
        <EmptyState />
      ) : (
        <InboxList
          items={items}
          clock={clock}
          onDone={onDone}
          onSnooze={onSnooze}
          snoozeLabel={snoozeLabel}
        />
      )}
      <div role="status" className="toast-region">
        {last && <UndoToast what={last.what} title={last.item.title} onUndo={onUndo} onDismiss={onDismiss} />}
      </div>
    </>
  );
}
