import { useCallback, useState } from 'react';
import { useDb } from '../../app/useServices';
import { markDone, reopenItem } from '../../db/items-repo';
import type { StoredItem } from '../../db/lull-db';
import { useOpenItems } from '../../db/useOpenItems';
import type { Clock } from '../../hooks/useClock';
import { EmptyState } from './EmptyState';
import { InboxList } from './InboxList';
import { UndoToast } from './UndoToast';
import './inbox.css';
import './reason.css';

export function InboxView({ clock }: { clock: Clock }) {
  const db = useDb();
  const items = useOpenItems();
  const [lastDone, setLastDone] = useState<StoredItem | null>(null);

  const onDone = useCallback(
    (item: StoredItem) => {
      setLastDone(item);
      void markDone(db, item.id, Date.now());
    },
    [db],
  );
  const onUndo = useCallback(() => {
    if (lastDone) void reopenItem(db, lastDone.id);
    setLastDone(null);
  }, [db, lastDone]);
  const onDismiss = useCallback(() => setLastDone(null), []);

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
        <InboxList items={items} clock={clock} onDone={onDone} />
      )}
      <div role="status" className="toast-region">
        {lastDone && <UndoToast title={lastDone.title} onUndo={onUndo} onDismiss={onDismiss} />}
      </div>
    </>
  );
}
