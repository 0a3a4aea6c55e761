import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef } from 'react';
import { CHANNEL_LABELS } from '../../../shared/channels';
import { dueState, formatDue, formatInstant } from '../../../shared/due-format';
import { isSafeHttpUrl } from '../../../shared/schemas';
import type { StoredItem } from '../../db/lull-db';
import type { ClockReading } from '../../lib/clock';
import { useDb } from '../../services/useServices';
import { selectSourceName } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { ChannelIcon } from './ChannelIcon';
import { ReasonLine } from './ReasonLine';
import { senderLocalTime } from './sender-time';

interface Props {
  readonly id: string;
  readonly clock: ClockReading;
  readonly onClose: () => void;
  readonly onDone: (item: StoredItem) => void;
  readonly onReopen: (item: StoredItem) => void;
  readonly onSnooze: (item: StoredItem) => void;
  readonly onChangeDeadline: (item: StoredItem) => void;
  readonly onOpenLink: (url: string) => void;
}

/**
 * The open item in full: title, who and where from, when it is due and why, the snippet, the routing
 * reason and the link, with every action. A region next to the list; focus moves here on open and
 * back to the list on close.
 */
export function DetailPane({
  id,
  clock,
  onClose,
  onDone,
  onReopen,
  onSnooze,
  onChangeDeadline,
  onOpenLink,
}: Props) {
  const db = useDb();
  const item = useLiveQuery(() => db.items.get(id), [db, id]);
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const sourceName = useLullStore(selectSourceName(item?.source ?? ''));

  // Focus the title once per opened item, not on every live update of it.
  const loaded = item !== undefined;
  // biome-ignore lint/correctness/useExhaustiveDependencies: id is the trigger: a newly opened item.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [id, loaded]);

  if (item === undefined) return null;
  const due = formatDue(item.deadline, clock);
  const link = item.url && isSafeHttpUrl(item.url) ? item.url : null;

  return (
    <section className="detail-pane" aria-labelledby={titleId}>
      <div className="detail-head">
        <span className={`channel-badge channel-${item.channel}`}>
          <ChannelIcon channel={item.channel} />
        </span>
        <h3 id={titleId} ref={heading} className="detail-title" tabIndex={-1}>
          {item.title}
        </h3>
        <button type="button" className="button button-ghost button-small detail-close" onClick={onClose}>
          Close<span className="visually-hidden"> details</span>
        </button>
      </div>
      <dl className="detail-facts">
        <div>
          <dt>Due</dt>
          <dd data-state={dueState(due)}>
            {due.text}
            <span className="detail-sub">
              {item.deadlineExplicit ? 'Set by hand or by the source' : 'From your reply charter'}
            </span>
          </dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>
            {item.sender ? item.sender.name : 'Unknown sender'}
            {item.sender?.handle && <span className="detail-sub">{item.sender.handle}</span>}
            {item.sender?.timeZone && (
              <span className="detail-sub">Their time: {senderLocalTime(item.sender.timeZone, clock)}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Where</dt>
          <dd>
            {CHANNEL_LABELS[item.channel]} · {sourceName ?? item.source}
          </dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatInstant(item.receivedAt, clock)}</dd>
        </div>
        {item.status !== 'open' && (
          <div>
            <dt>State</dt>
            <dd>
              {item.status === 'done'
                ? `Done${item.doneAt ? ` ${formatInstant(item.doneAt, clock)}` : ''}`
                : `Snoozed until ${formatInstant(item.snoozedUntil ?? item.deadline, clock)}`}
            </dd>
          </div>
        )}
      </dl>
      {item.route && (
        <div className="detail-block">
          <h4 className="detail-label">Why it reached you then</h4>
          <ReasonLine decision={item.route} />
        </div>
      )}
      <div className="detail-block">
        <h4 className="detail-label">Snippet</h4>
        <p className="detail-snippet">{item.snippet || 'No snippet from the source.'}</p>
      </div>
      <div className="detail-actions">
        {link && (
          <button type="button" className="button button-primary" onClick={() => onOpenLink(link)}>
            Open link<span className="visually-hidden"> in your browser</span>
          </button>
        )}
        {item.status === 'open' ? (
          <button type="button" className="button" onClick={() => onDone(item)}>
            Done
          </button>
        ) : (
          <button type="button" className="button" onClick={() => onReopen(item)}>
            Back to inbox
          </button>
        )}
        <button type="button" className="button" aria-haspopup="dialog" onClick={() => onSnooze(item)}>
          Snooze…
        </button>
        <button
          type="button"
          className="button"
          aria-haspopup="dialog"
          onClick={() => onChangeDeadline(item)}
        >
          Change deadline…
        </button>
      </div>
      {link && <p className="detail-link">{link}</p>}
    </section>
  );
}
