import { CHANNEL_LABELS } from '../../../shared/channels';
import { DUE_GROUP_LABELS, type DueGroup, formatDue } from '../../../shared/due-format';
import { isSafeHttpUrl } from '../../../shared/schemas';
import type { StoredItem } from '../../db/lull-db';
import type { Clock } from '../../hooks/useClock';
import { selectSourceName } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { ChannelIcon } from './ChannelIcon';
import { ReasonLine } from './ReasonLine';

export interface GroupStart {
  readonly group: DueGroup;
  readonly count: number;
}

interface Props {
  readonly item: StoredItem;
  readonly clock: Clock;
  /** Set on the first row of a group: the group's heading is drawn above it, inside the same list item. */
  readonly groupStart?: GroupStart | undefined;
  /** The row last focused: marked faintly so the place is kept while focus is elsewhere. */
  readonly selected: boolean;
  readonly onDone: (item: StoredItem) => void;
  readonly onSnooze: (item: StoredItem) => void;
  /** "Tue 09:00": when a snooze from this row would bring the item back. */
  readonly snoozeLabel: string;
  readonly onFocusRow: (id: string) => void;
}

/**
 * One inbox row. The list item itself takes focus (so `getByRole('listitem')` is the row); the
 * focus ring is drawn on the card inside it.
 */
export function InboxRow({
  item,
  clock,
  groupStart,
  selected,
  onDone,
  onSnooze,
  snoozeLabel,
  onFocusRow,
}: Props) {
  const due = formatDue(item.deadline, clock);
  const channel = CHANNEL_LABELS[item.channel];
  // Items a connector made carry its id as their source: show the source's name when it is known.
  const sourceName = useLullStore(selectSourceName(item.source));
  const link = item.url && isSafeHttpUrl(item.url) ? item.url : null;

  return (
    <li
      className="inbox-item"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: rows are focusable so the list can be walked with arrow keys.
      tabIndex={0}
      data-item-id={item.id}
      data-group={groupStart?.group}
      data-selected={selected || undefined}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow(item.id);
      }}
    >
      {groupStart && (
        <h3 className="group-heading" data-group={groupStart.group}>
          {DUE_GROUP_LABELS[groupStart.group]}
          <span className="group-count" aria-hidden="true">
            {groupStart.count}
          </span>
          <span className="visually-hidden">
            ({groupStart.count} {groupStart.count === 1 ? 'item' : 'items'})
          </span>
        </h3>
      )}
      <div className="row" data-overdue={due.overdue} data-priority={item.priority}>
        <span className={`channel-badge channel-${item.channel}`}>
          <ChannelIcon channel={item.channel} />
        </span>
        <div className="row-body">
          <p className="row-title">
            <span className="row-title-text">{item.title}</span>
            {item.priority === 'urgent' && <span className="tag tag-urgent">Urgent</span>}
          </p>
          <p className="row-meta">
            <span className="row-channel">{channel}</span>
            {sourceName && <span className="row-source">{sourceName}</span>}
            {item.sender && <span className="row-sender">{item.sender.name}</span>}
            {item.snippet && <span className="row-snippet">{item.snippet}</span>}
          </p>
          <ReasonLine decision={item.route} className="row-reason" />
        </div>
        <p className="row-due" data-overdue={due.overdue}>
          <time dateTime={new Date(item.deadline).toISOString()}>{due.text}</time>
        </p>
        <div className="row-actions">
          {link && (
            <a
              className="button button-ghost button-small"
              href={link}
              target="_blank"
              rel="noopener noreferrer"
            >
              Open<span className="visually-hidden"> {item.title} in a new window</span>
            </a>
          )}
          <button
            type="button"
            className="button button-ghost button-small"
            aria-label={`Done: ${item.title}`}
            onClick={() => onDone(item)}
          >
            Done
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            aria-label={`Snooze until ${snoozeLabel}: ${item.title}`}
            title={`Snooze until ${snoozeLabel}`}
            onClick={() => onSnooze(item)}
          >
            Snooze
          </button>
        </div>
      </div>
    </li>
  );
}
