import { type CSSProperties, forwardRef, type MouseEvent } from 'react';
import { CHANNEL_LABELS } from '../../../shared/channels';
import { DUE_GROUP_LABELS, type DueGroup, dueState, formatDue } from '../../../shared/due-format';
import type { StoredItem } from '../../db/lull-db';
import type { ClockReading } from '../../lib/clock';
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
  readonly clock: ClockReading;
  /** Position in the whole list (virtualized: most rows are not drawn). */
  readonly index: number;
  readonly setSize: number;
  readonly style: CSSProperties;
  /** Set on the first row of a group: the group's heading is drawn above it, inside the same list item. */
  readonly groupStart?: GroupStart | undefined;
  /** The one row Tab reaches in the list. */
  readonly tabbable: boolean;
  /** The row last focused: marked faintly so the place is kept while focus is elsewhere. */
  readonly selected: boolean;
  /** Ticked for a bulk action. */
  readonly checked: boolean;
  readonly onDone: (item: StoredItem) => void;
  readonly onSnooze: (item: StoredItem) => void;
  readonly onOpen: (item: StoredItem) => void;
  readonly onToggle: (item: StoredItem) => void;
  readonly onFocusRow: () => void;
}

function GroupHeading({ group }: { group: GroupStart }) {
  return (
    <h3 className="group-heading" data-group={group.group}>
      {DUE_GROUP_LABELS[group.group]}
      <span className="group-count" aria-hidden="true">
        {group.count}
      </span>
      <span className="visually-hidden">
        ({group.count} {group.count === 1 ? 'item' : 'items'})
      </span>
    </h3>
  );
}

/**
 * One inbox row. The list item itself takes focus (so `getByRole('listitem')` is the row); the
 * focus ring is drawn on the card inside it. Enter or a click on the card opens the detail pane.
 */
export const InboxRow = forwardRef<HTMLLIElement, Props>(function InboxRow(
  {
    item,
    clock,
    index,
    setSize,
    style,
    groupStart,
    tabbable,
    selected,
    checked,
    onDone,
    onSnooze,
    onOpen,
    onToggle,
    onFocusRow,
  },
  ref,
) {
  const due = formatDue(item.deadline, clock);
  const channel = CHANNEL_LABELS[item.channel];
  // Items a connector made carry its id as their source: show the source's name when it is known.
  const sourceName = useLullStore(selectSourceName(item.source)) ?? item.source;
  const state = dueState(due);

  const openOnClick = (event: MouseEvent) => {
    // Buttons, links and the checkbox do their own thing.
    if ((event.target as HTMLElement).closest('button, a, input, label')) return;
    onOpen(item);
  };

  return (
    <li
      ref={ref}
      className="inbox-item"
      style={style}
      tabIndex={tabbable ? 0 : -1}
      data-index={index}
      data-item-id={item.id}
      data-group={groupStart?.group}
      data-selected={selected || undefined}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocusRow();
      }}
    >
      {groupStart && <GroupHeading group={groupStart} />}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; Enter on the row does the same. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: the row's own Enter/o handler is the keyboard path. */}
      <div
        className="row"
        data-state={state}
        data-checked={checked || undefined}
        data-priority={item.priority}
        onClick={openOnClick}
      >
        <input
          type="checkbox"
          className="row-check"
          checked={checked}
          tabIndex={-1}
          aria-label={`Select: ${item.title}`}
          onChange={() => onToggle(item)}
        />
        <span className={`channel-badge channel-${item.channel}`}>
          <ChannelIcon channel={item.channel} />
        </span>
        <div className="row-body">
          <p className="row-title">
            <span className="row-title-text">{item.title}</span>
            {item.priority === 'urgent' && <span className="tag tag-urgent">Urgent</span>}
            {due.atRisk && <span className="tag tag-risk">Due soon</span>}
          </p>
          <p className="row-meta">
            <span className="row-channel">{channel}</span>
            <span className="row-source">{sourceName}</span>
            {item.sender && <span className="row-sender">{item.sender.name}</span>}
            {item.snippet && <span className="row-snippet">{item.snippet}</span>}
          </p>
          <ReasonLine decision={item.route} className="row-reason" />
        </div>
        <p className="row-due" data-state={state}>
          <time dateTime={new Date(item.deadline).toISOString()}>{due.text}</time>
        </p>
        <div className="row-actions">
          <button
            type="button"
            className="button button-ghost button-small"
            aria-label={item.status === 'open' ? `Done: ${item.title}` : `Back to inbox: ${item.title}`}
            onClick={() => onDone(item)}
          >
            {item.status === 'open' ? 'Done' : 'Reopen'}
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            aria-label={`Snooze: ${item.title}`}
            aria-haspopup="dialog"
            onClick={() => onSnooze(item)}
          >
            Snooze…
          </button>
        </div>
      </div>
    </li>
  );
});

/** A row not read yet (fast scrolling): the same height, hidden from assistive tech. */
export const RowPlaceholder = forwardRef<
  HTMLLIElement,
  { index: number; groupStart?: GroupStart | undefined; style: CSSProperties }
>(function RowPlaceholder({ index, groupStart, style }, ref) {
  return (
    <li
      ref={ref}
      className="inbox-item inbox-item-placeholder"
      style={style}
      data-index={index}
      aria-hidden="true"
    >
      {groupStart && <GroupHeading group={groupStart} />}
      <div className="row row-placeholder" />
    </li>
  );
});
