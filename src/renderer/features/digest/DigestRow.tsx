import { CHANNEL_LABELS } from '../../../shared/channels';
import { formatDue, formatInstant } from '../../../shared/due-format';
import { isSafeHttpUrl } from '../../../shared/schemas';
import type { ClockReading } from '../../lib/clock';
import { ChannelIcon } from '../inbox/ChannelIcon';
import { ReasonLine } from '../inbox/ReasonLine';
import type { DigestEntry } from './digest-entries';

interface Props {
  readonly entry: DigestEntry;
  readonly clock: ClockReading;
  /** The row the list's single tab stop is on; the other rows' buttons leave the tab order too. */
  readonly active: boolean;
  /** "Tue 09:00": when Snooze would bring the item back. */
  readonly snoozeLabel: string;
  readonly onFocusRow: () => void;
  readonly onDone: () => void;
  readonly onSnooze: () => void;
  readonly onReopen: () => void;
}

/** One update in the digest: what, from whom, when it is due, why it waited, and what to do with it. */
export function DigestRow({
  entry,
  clock,
  active,
  snoozeLabel,
  onFocusRow,
  onDone,
  onSnooze,
  onReopen,
}: Props) {
  const due = formatDue(entry.deadline, clock);
  const link = entry.url && isSafeHttpUrl(entry.url) ? entry.url : null;
  const tab = active ? 0 : -1;
  const handled =
    entry.status === 'done'
      ? 'Done'
      : entry.status === 'snoozed' && entry.snoozedUntil !== undefined
        ? `Snoozed until ${formatInstant(entry.snoozedUntil, clock)}`
        : null;

  return (
    <li
      className="digest-item"
      // One row at a time takes focus (a roving tab stop); arrows and j/k move it.
      tabIndex={tab}
      data-item-id={entry.id}
      data-status={entry.status}
      onFocus={onFocusRow}
    >
      <span className={`channel-badge channel-${entry.channel}`}>
        <ChannelIcon channel={entry.channel} />
      </span>
      <div className="digest-body">
        <p className="digest-title">{entry.title}</p>
        <p className="digest-meta">
          <span>{CHANNEL_LABELS[entry.channel]}</span>
          {entry.sender && <span>{entry.sender.name}</span>}
          <span className="digest-due" data-overdue={due.overdue}>
            <time dateTime={new Date(entry.deadline).toISOString()}>{due.text}</time>
          </span>
        </p>
        <ReasonLine decision={entry.route} className="digest-reason" />
        <div className="digest-actions">
          {handled ? (
            <>
              <p className="digest-handled">
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <path d="M3.5 8.5 6.5 11.5 12.5 4.5" />
                </svg>
                {handled}
              </p>
              <button
                type="button"
                className="button button-ghost button-small"
                tabIndex={tab}
                onClick={onReopen}
              >
                Undo<span className="visually-hidden">: {entry.title}</span>
              </button>
            </>
          ) : (
            <>
              {link && (
                <a
                  className="button button-small"
                  href={link}
                  target="_blank"
                  rel="noopener noreferrer"
                  tabIndex={tab}
                  data-open
                >
                  Open<span className="visually-hidden"> {entry.title} in a new window</span>
                </a>
              )}
              <button
                type="button"
                className="button button-small"
                tabIndex={tab}
                aria-label={`Done: ${entry.title}`}
                onClick={onDone}
              >
                Done
              </button>
              <button
                type="button"
                className="button button-ghost button-small"
                tabIndex={tab}
                aria-label={`Snooze until ${snoozeLabel}: ${entry.title}`}
                title={`Until ${snoozeLabel}`}
                onClick={onSnooze}
              >
                Snooze
              </button>
            </>
          )}
        </div>
      </div>
    </li>
  );
}
