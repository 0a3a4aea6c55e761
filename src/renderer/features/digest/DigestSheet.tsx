import { type ReactNode, useCallback, useId } from 'react';
import { formatInstant } from '../../../shared/due-format';
import { useItemActions } from '../../hooks/useItemActions';
import type { ClockReading } from '../../lib/clock';
import { DigestList } from './DigestList';
import type { DigestEntry } from './digest-entries';

/** The list's keys, shown under it: each key, then what it does. */
const KEYS: readonly (readonly [readonly string[], string])[] = [
  [['↑', '↓'], 'move'],
  [['Enter'], 'open'],
  [['E'], 'done'],
  [['S'], 'snooze'],
  [['Esc'], 'close'],
];

export interface SheetChrome {
  readonly titleId: string;
  readonly clock: ClockReading;
  /** Closes the panel, the pop-up window, or goes back to the inbox. */
  readonly onDismiss: () => void;
  /** "Close", "Back to inbox". */
  readonly dismissLabel: string;
  readonly autoFocus: boolean;
}

interface Props extends SheetChrome {
  readonly mode: 'digest' | 'peek';
  readonly title: string;
  readonly subtitle: string | null;
  readonly entries: readonly DigestEntry[] | undefined;
  readonly emptyText: string;
  /** Below the list: "Show held updates now", messages. */
  readonly footer?: ReactNode;
}

/** The frame both digest views share: title, the list, key hints; compact enough for 380×480. */
export function DigestSheet({ mode, title, subtitle, entries, emptyText, footer, ...chrome }: Props) {
  const { titleId, clock, onDismiss, dismissLabel, autoFocus } = chrome;
  const actions = useItemActions();
  const hintId = useId();
  const snoozeLabel = formatInstant(actions.tomorrowMorningAt(clock.now), clock);
  const onDone = useCallback((entry: DigestEntry) => void actions.done([entry.id]), [actions]);
  const onSnooze = useCallback(
    (entry: DigestEntry) => void actions.snoozeUntilTomorrow([entry.id]),
    [actions],
  );
  const onReopen = useCallback((entry: DigestEntry) => void actions.reopen([entry.id]), [actions]);

  return (
    <div className="digest-sheet" data-mode={mode}>
      <header className="digest-head">
        <div className="digest-heading">
          <h2 id={titleId} className="digest-sheet-title">
            {title}
          </h2>
          {subtitle && <p className="digest-subtitle">{subtitle}</p>}
        </div>
        <button type="button" className="digest-close" onClick={onDismiss} title={`${dismissLabel} (Esc)`}>
          <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" />
          </svg>
          <span className="visually-hidden">{dismissLabel}</span>
        </button>
      </header>
      <div className="digest-scroll">
        {entries === undefined ? (
          <p className="digest-empty" aria-live="polite">
            Loading…
          </p>
        ) : entries.length === 0 ? (
          <p className="digest-empty">{emptyText}</p>
        ) : (
          <DigestList
            entries={entries}
            clock={clock}
            label={mode === 'peek' ? 'Held updates' : 'Updates in this summary'}
            describedBy={hintId}
            autoFocus={autoFocus}
            snoozeLabel={snoozeLabel}
            onDone={onDone}
            onSnooze={onSnooze}
            onReopen={onReopen}
          />
        )}
      </div>
      <footer className="digest-foot">
        {footer}
        <ul id={hintId} className="digest-keys" aria-label="Keys">
          {KEYS.map(([keys, what]) => (
            <li key={what}>
              {keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}{' '}
              {what}
            </li>
          ))}
        </ul>
      </footer>
    </div>
  );
}
