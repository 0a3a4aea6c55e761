import { useWindowVirtualizer } from '@tanstack/react-virtual';
import {
  forwardRef,
  type KeyboardEvent,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { InboxCounts, InboxFilter } from '../../db/inbox-query';
import type { StoredItem } from '../../db/lull-db';
import { useInboxWindow } from '../../hooks/useInboxWindow';
import type { ClockReading } from '../../lib/clock';
import { selectSelect, selectSelectedId } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { type GroupStart, InboxRow, RowPlaceholder } from './InboxRow';

/** Estimated heights; rows are measured once drawn. */
const ROW_HEIGHT = 84;
const HEADING_HEIGHT = 44;
/** Rows drawn beyond the visible ones, each side, so fast scrolling shows no gaps. */
const OVERSCAN = 6;

interface Props {
  readonly counts: InboxCounts;
  readonly filter: InboxFilter;
  readonly clock: ClockReading;
  /** The minute the list's queries are read at. */
  readonly now: number;
  readonly checked: ReadonlySet<string>;
  readonly onDone: (item: StoredItem) => void;
  readonly onSnooze: (item: StoredItem) => void;
  readonly onOpen: (item: StoredItem) => void;
  readonly onToggle: (item: StoredItem) => void;
}

export interface InboxListHandle {
  /** The row the cursor is on, when it is loaded. */
  current(): StoredItem | null;
  /** Moves the cursor (j/k) and focus with it, scrolling as needed. */
  move(delta: number): void;
  focusSelected(): void;
  /** These rows are about to leave: keep focus at the same place, which the next row will take. */
  keepPlace(ids: readonly string[]): void;
}

/**
 * The inbox as one virtualized list named "Inbox": only the rows in view (and a few more) are in the
 * DOM, and only their window is read from Dexie. Group headings sit in the first row of each group;
 * group positions come from the counts, so the heights are known before any row is read.
 */
export const InboxList = forwardRef<InboxListHandle, Props>(function InboxList(
  { counts, filter, clock, now, checked, onDone, onSnooze, onOpen, onToggle },
  ref,
) {
  const list = useRef<HTMLUListElement>(null);
  const select = useLullStore(selectSelect);
  const selectedId = useLullStore(selectSelectedId);
  const [cursor, setCursor] = useState(0);
  /** Focus the row at this index once it is drawn (after a move, or after rows left). */
  const pendingFocus = useRef<number | null>(null);

  const starts = useMemo(() => {
    const map = new Map<number, GroupStart>();
    for (const g of counts.groups) map.set(g.start, { group: g.group, count: g.count });
    return map;
  }, [counts]);

  // Where the list starts in the page; the toolbar above it wraps differently as the width changes.
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const top = list.current ? Math.round(list.current.getBoundingClientRect().top + window.scrollY) : 0;
    if (top !== margin) setMargin(top);
  });

  const virtualizer = useWindowVirtualizer({
    count: counts.total,
    estimateSize: (index) => ROW_HEIGHT + (starts.has(index) ? HEADING_HEIGHT : 0),
    overscan: OVERSCAN,
    scrollMargin: margin,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const first = virtualRows[0]?.index ?? 0;
  const last = (virtualRows.at(-1)?.index ?? -1) + 1;
  const window_ = useInboxWindow(filter, now, first, last, JSON.stringify(counts));
  const itemAt = useCallback(
    (index: number): StoredItem | null =>
      window_ && index >= window_.start ? (window_.items[index - window_.start] ?? null) : null,
    [window_],
  );

  const clamp = useCallback(
    (index: number) => Math.max(0, Math.min(counts.total - 1, index)),
    [counts.total],
  );

  const focusIndex = useCallback(
    (index: number) => {
      const target = clamp(index);
      setCursor(target);
      virtualizer.scrollToIndex(target, { align: 'auto' });
      const drawn = list.current?.querySelector<HTMLElement>(`[data-index="${target}"][data-item-id]`);
      if (drawn) drawn.focus({ preventScroll: true });
      else pendingFocus.current = target;
    },
    [clamp, virtualizer],
  );

  // Focus the pending row as soon as it is drawn with its item.
  useLayoutEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    const row = list.current?.querySelector<HTMLElement>(`[data-index="${target}"][data-item-id]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  useImperativeHandle(
    ref,
    () => ({
      current: () => itemAt(cursor),
      // From outside the list the first j/k lands on the cursor's row; from a row it moves.
      move: (delta) => focusIndex(list.current?.contains(document.activeElement) ? cursor + delta : cursor),
      focusSelected: () => focusIndex(cursor),
      keepPlace: (ids) => {
        const index = ids.includes(itemAt(cursor)?.id ?? '') ? cursor : null;
        if (index !== null && list.current?.contains(document.activeElement)) pendingFocus.current = index;
      },
    }),
    [cursor, focusIndex, itemAt],
  );

  // After rows leave, the cursor stays in range.
  if (cursor > 0 && cursor >= counts.total) setCursor(counts.total - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: 10,
      PageUp: -10,
      Home: -counts.total,
      End: counts.total,
    };
    const delta = moves[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    focusIndex(cursor + delta);
  };

  return (
    <div className="inbox-scroller" style={{ height: virtualizer.getTotalSize() }}>
      <ul ref={list} className="inbox-list" aria-label="Inbox" onKeyDown={onKeyDown}>
        {virtualRows.map((row) => {
          const item = itemAt(row.index);
          const groupStart = starts.get(row.index);
          const style = { transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` };
          if (!item) {
            return (
              <RowPlaceholder
                key={`placeholder-${row.key}`}
                index={row.index}
                ref={virtualizer.measureElement}
                groupStart={groupStart}
                style={style}
              />
            );
          }
          return (
            <InboxRow
              // Keyed by item, not position: when rows above leave, a row's buttons stay with their item.
              key={item.id}
              ref={virtualizer.measureElement}
              index={row.index}
              setSize={counts.total}
              style={style}
              item={item}
              clock={clock}
              groupStart={groupStart}
              // One row takes Tab into the list (roving tabindex): the cursor's, else the first drawn.
              tabbable={
                row.index === cursor || (cursor < first || cursor >= last ? row.index === first : false)
              }
              selected={item.id === selectedId}
              checked={checked.has(item.id)}
              onDone={onDone}
              onSnooze={onSnooze}
              onOpen={onOpen}
              onToggle={onToggle}
              onFocusRow={() => {
                setCursor(row.index);
                select(item.id);
              }}
            />
          );
        })}
      </ul>
    </div>
  );
});
