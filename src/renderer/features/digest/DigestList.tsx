import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { ClockReading } from '../../lib/clock';
import { DigestRow } from './DigestRow';
import type { DigestEntry } from './digest-entries';

const ROW = '[data-item-id]';
const rowsOf = (list: HTMLElement | null) => [...(list?.querySelectorAll<HTMLElement>(ROW) ?? [])];

interface Props {
  readonly entries: readonly DigestEntry[];
  readonly clock: ClockReading;
  readonly label: string;
  readonly describedBy?: string | undefined;
  /** Puts focus on the first row as soon as there is one (the pop-up and the panel open on the list). */
  readonly autoFocus: boolean;
  readonly snoozeLabel: string;
  readonly onDone: (entry: DigestEntry) => void;
  readonly onSnooze: (entry: DigestEntry) => void;
  readonly onReopen: (entry: DigestEntry) => void;
}

/**
 * The digest's updates as one list with a single tab stop: arrows or j/k move, Home/End jump, Enter
 * opens the update's link, e marks it done and s snoozes it (each again to undo).
 */
export function DigestList({
  entries,
  clock,
  label,
  describedBy,
  autoFocus,
  snoozeLabel,
  ...actions
}: Props) {
  const list = useRef<HTMLUListElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const lastIndex = useRef(0);
  const hadFocus = useRef(false);
  const focusedOnce = useRef(false);

  const found = entries.findIndex((entry) => entry.id === activeId);
  const activeIndex = found >= 0 ? found : Math.min(lastIndex.current, Math.max(0, entries.length - 1));
  lastIndex.current = activeIndex;

  const rows = () => rowsOf(list.current);

  useEffect(() => {
    if (entries.length === 0) return;
    const lost = hadFocus.current && (!document.activeElement || document.activeElement === document.body);
    const first = autoFocus && !focusedOnce.current;
    if (lost || first) rowsOf(list.current)[activeIndex]?.focus();
    if (entries.length > 0) focusedOnce.current = true;
  }, [entries, activeIndex, autoFocus]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>(ROW);
    if (!row) return;
    const all = rows();
    const index = all.indexOf(row);
    const entry = entries.find((e) => e.id === row.dataset.itemId);
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    const onRow = event.target === row;
    if (key === 'ArrowDown' || key === 'j') all[Math.min(index + 1, all.length - 1)]?.focus();
    else if (key === 'ArrowUp' || key === 'k') all[Math.max(index - 1, 0)]?.focus();
    else if (key === 'Home') all[0]?.focus();
    else if (key === 'End') all.at(-1)?.focus();
    else if (key === 'Enter' && onRow) row.querySelector<HTMLAnchorElement>('a[data-open]')?.click();
    else if (key === 'e' && entry) (entry.status === 'done' ? actions.onReopen : actions.onDone)(entry);
    else if (key === 's' && entry) (entry.status === 'snoozed' ? actions.onReopen : actions.onSnooze)(entry);
    else return;
    event.preventDefault();
  };

  return (
    <ul
      ref={list}
      className="digest-list"
      aria-label={label}
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
      onFocus={() => {
        hadFocus.current = true;
      }}
      onBlur={(event) => {
        // Focus moving to nothing (a row removed under it) keeps the claim; moving elsewhere gives it up.
        if (event.relatedTarget && !list.current?.contains(event.relatedTarget as Node))
          hadFocus.current = false;
      }}
    >
      {entries.map((entry, index) => (
        <DigestRow
          key={entry.id}
          entry={entry}
          clock={clock}
          active={index === activeIndex}
          snoozeLabel={snoozeLabel}
          onFocusRow={() => setActiveId(entry.id)}
          onDone={() => actions.onDone(entry)}
          onSnooze={() => actions.onSnooze(entry)}
          onReopen={() => actions.onReopen(entry)}
        />
      ))}
    </ul>
  );
}
