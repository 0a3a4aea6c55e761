import { forwardRef, useEffect, useId, useState } from 'react';
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../../../shared/channels';
import { type FacetCounts, type InboxFilter, searchTerms } from '../../db/inbox-query';
import type { ItemStatus } from '../../db/lull-db';
import { selectSources } from '../../store/selectors';
import { useLullStore } from '../../store/store';

interface Props {
  readonly filter: InboxFilter;
  readonly facets: FacetCounts | undefined;
  readonly sources: readonly string[];
  readonly onChange: (change: Partial<InboxFilter>) => void;
  readonly onShortcuts: () => void;
}

const STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  open: 'Inbox',
  snoozed: 'Snoozed',
  done: 'Done',
};
/** Typing settles before the query runs. */
const SEARCH_DELAY_MS = 150;

const withCount = (label: string, count: number | undefined) =>
  count === undefined ? label : `${label} (${count})`;

interface FilterSelectProps {
  readonly label: string;
  readonly allLabel: string;
  readonly value: string | null;
  readonly options: readonly { value: string; text: string }[];
  readonly onChange: (value: string | null) => void;
}

/** One filter: "All …" (null) or one option, each showing its count. */
function FilterSelect({ label, allLabel, value, options, onChange }: FilterSelectProps) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <select
        id={id}
        className="input filter-select"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </>
  );
}

/**
 * Search and filters. Each choice shows how many items it would leave, given the other filters, so
 * the counts always follow what is chosen.
 */
export const InboxToolbar = forwardRef<HTMLInputElement, Props>(function InboxToolbar(
  { filter, facets, sources, onChange, onShortcuts },
  searchRef,
) {
  const searchId = useId();
  const named = useLullStore(selectSources);
  const nameOf = (id: string) => named.find((view) => view.source.id === id)?.source.name ?? id;
  const [text, setText] = useState(filter.text);

  useEffect(() => setText(filter.text), [filter.text]);
  useEffect(() => {
    if (text === filter.text) return;
    const timer = setTimeout(() => onChange({ text }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, filter.text, onChange]);

  return (
    <search className="inbox-toolbar" aria-label="Search and filters">
      <div className="toolbar-search">
        <label htmlFor={searchId} className="visually-hidden">
          Search the inbox
        </label>
        <svg className="search-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          <circle cx="7" cy="7" r="4.5" />
          <path d="m10.5 10.5 3 3" />
        </svg>
        <input
          ref={searchRef}
          id={searchId}
          className="input search-input"
          type="search"
          placeholder="Search titles, senders, snippets"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && text) {
              event.preventDefault();
              event.stopPropagation();
              setText('');
              onChange({ text: '' });
            } else if (event.key === 'Enter') onChange({ text });
          }}
        />
        {!text && (
          <span className="search-hint kbd-inline" aria-hidden="true">
            /
          </span>
        )}
        {text.trim() !== '' && searchTerms(text).length === 0 && (
          <p className="search-note" role="status">
            Keep typing: search starts at two letters.
          </p>
        )}
      </div>
      <fieldset className="status-tabs">
        <legend className="visually-hidden">Show</legend>
        {(['open', 'snoozed', 'done'] as const).map((status) => (
          <label key={status} className="status-tab" data-checked={filter.status === status || undefined}>
            <input
              type="radio"
              name="inbox-status"
              value={status}
              checked={filter.status === status}
              onChange={() => onChange({ status })}
            />
            {STATUS_LABELS[status]}
            <span className="status-count">{facets?.status[status] ?? ''}</span>
          </label>
        ))}
      </fieldset>
      <div className="toolbar-filters">
        <FilterSelect
          label="Channel"
          allLabel="All channels"
          value={filter.channel}
          options={CHANNELS.map((channel) => ({
            value: channel,
            text: withCount(CHANNEL_LABELS[channel], facets?.channel[channel]),
          }))}
          onChange={(value) => onChange({ channel: value as Channel | null })}
        />
        <FilterSelect
          label="Source"
          allLabel="All sources"
          value={filter.source}
          options={sources.map((source) => ({
            value: source,
            text: withCount(nameOf(source), facets?.source[source]),
          }))}
          onChange={(value) => onChange({ source: value })}
        />
        <label className="filter-toggle" data-checked={filter.overdue || undefined}>
          <input
            type="checkbox"
            checked={filter.overdue}
            onChange={(event) => onChange({ overdue: event.target.checked })}
          />
          Overdue only
          <span className="status-count">{facets?.overdue ?? ''}</span>
        </label>
        <button
          type="button"
          className="button button-ghost button-small shortcuts-button"
          aria-keyshortcuts="?"
          onClick={onShortcuts}
        >
          <span aria-hidden="true" className="kbd-inline">
            ?
          </span>{' '}
          Shortcuts
        </button>
      </div>
    </search>
  );
});
