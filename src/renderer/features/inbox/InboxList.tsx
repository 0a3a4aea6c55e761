import { useMemo, useRef } from 'react';
import { groupByDue } from '../../../shared/due-format';
import type { StoredItem } from '../../db/lull-db';
import type { Clock } from '../../hooks/useClock';
import { selectSelect, selectSelectedId } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { InboxRow } from './InboxRow';
import { useRowNavigation } from './useRowNavigation';

interface Props {
  readonly items: readonly StoredItem[];
  readonly clock: Clock;
  readonly onDone: (item: StoredItem) => void;
  readonly onSnooze: (item: StoredItem) => void;
  readonly snoozeLabel: string;
}

/**
 * One flat list named "Inbox", in deadline order, so assistive tech and tests see every row as a
 * sibling. Group headings (Overdue, Due today, Tomorrow, Later) sit inside each group's first row.
 */
export function InboxList({ items, clock, onDone, onSnooze, snoozeLabel }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const select = useLullStore(selectSelect);
  const selectedId = useLullStore(selectSelectedId);
  const onKeyDown = useRowNavigation(list);
  const sections = useMemo(() => groupByDue(items, clock), [items, clock]);

  // Focus moves to the neighbouring row before a done or snoozed row leaves, so keyboard users keep
  // their place.
  const leaving = (action: (item: StoredItem) => void) => (item: StoredItem) => {
    const rows = [...(list.current?.querySelectorAll<HTMLElement>('[data-item-id]') ?? [])];
    const index = rows.findIndex((row) => row.dataset.itemId === item.id);
    const neighbour = rows[index + 1] ?? rows[index - 1];
    if (neighbour && list.current?.contains(document.activeElement)) neighbour.focus();
    action(item);
  };
  const handleDone = leaving(onDone);
  const handleSnooze = leaving(onSnooze);

  return (
    <ul ref={list} className="inbox-list" aria-label="Inbox" onKeyDown={onKeyDown}>
      {sections.flatMap((section) =>
        section.items.map((item, index) => (
          <InboxRow
            key={item.id}
            item={item}
            clock={clock}
            groupStart={index === 0 ? { group: section.group, count: section.items.length } : undefined}
            selected={item.id === selectedId}
            onDone={handleDone}
            onSnooze={handleSnooze}
            snoozeLabel={snoozeLabel}
            onFocusRow={select}
          />
        )),
      )}
    </ul>
  );
}
