import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CHANNELS, MINUTE_MS } from '../../../shared/channels';
import { formatInstant } from '../../../shared/due-format';
import { countInbox, DEFAULT_FILTER, facetCounts, knownSources } from '../../db/inbox-query';
import { type PriorState, useItemActions } from '../../hooks/useItemActions';
import type { ClockReading } from '../../lib/clock';
import { useClockSource, useDb } from '../../services/useServices';
import {
  selectChecked,
  selectInboxActions,
  selectInboxDialog,
  selectInboxFilter,
  selectOpenId,
} from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { BulkBar } from './BulkBar';
import { DeadlineDialog } from './DeadlineDialog';
import { DetailPane } from './DetailPane';
import { EmptyState } from './EmptyState';
import { InboxList, type InboxListHandle } from './InboxList';
import { InboxToolbar } from './InboxToolbar';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SnoozeDialog } from './SnoozeDialog';
import { UndoToast } from './UndoToast';
import { useInboxKeys } from './useInboxKeys';
import '../focus/focus-view.css';
import '../focus/rule-form.css';
import './inbox.css';
import './inbox-tools.css';
import './reason.css';

/** The last thing done, for the toast's Undo and the z key. */
interface LastAction {
  readonly what: string;
  readonly title: string;
  readonly prior: readonly PriorState[];
}

export function InboxView({ clock }: { clock: ClockReading }) {
  const db = useDb();
  const source = useClockSource();
  const actions = useItemActions();
  const filter = useLullStore(selectInboxFilter);
  const checked = useLullStore(selectChecked);
  const openId = useLullStore(selectOpenId);
  const dialog = useLullStore(selectInboxDialog);
  const ui = useLullStore(useShallow(selectInboxActions));
  const [last, setLast] = useState<LastAction | null>(null);
  const list = useRef<InboxListHandle>(null);
  const search = useRef<HTMLInputElement>(null);
  // Queries move on by the minute: group cuts and "overdue" need no finer clock.
  const minute = Math.floor(clock.now / MINUTE_MS) * MINUTE_MS;
  const ctx = { now: minute, zone: clock.zone };

  const counts = useLiveQuery(() => countInbox(db, filter, ctx), [db, filter, minute, clock.zone]);
  const sources = useLiveQuery(() => knownSources(db), [db]) ?? [];
  const facets = useLiveQuery(
    () => facetCounts(db, filter, minute, CHANNELS, sources),
    [db, filter, minute, sources.join('\n')],
  );
  const anything = useLiveQuery(() => db.items.count(), [db]);

  const record = useCallback(async (what: string, run: Promise<PriorState[]>) => {
    const prior = await run;
    const title = prior.length === 1 ? (prior[0]?.title ?? '') : `${prior.length} items`;
    setLast({ what, title, prior });
  }, []);

  const reopen = useCallback(
    (ids: readonly string[]) => {
      list.current?.keepPlace(ids);
      void record('Moved to the inbox', actions.reopen(ids));
    },
    [actions, record],
  );
  /** Done in the inbox; in the Done and Snoozed views the same key moves items back. */
  const done = useCallback(
    (ids: readonly string[]) => {
      ui.clearChecked();
      if (filter.status !== 'open') return reopen(ids);
      list.current?.keepPlace(ids);
      void record('Marked done', actions.done(ids));
    },
    [actions, filter.status, record, reopen, ui],
  );
  const snoozeAt = useCallback(
    (ids: readonly string[], until: number) => {
      list.current?.keepPlace(ids);
      ui.setDialog(null);
      ui.clearChecked();
      void record(
        `Snoozed until ${formatInstant(until, { ...clock, now: source.now() })}`,
        actions.snooze(ids, until),
      );
    },
    [actions, clock, source, record, ui],
  );
  const undo = useCallback(() => {
    if (last) void actions.restore(last.prior);
    setLast(null);
  }, [actions, last]);
  const dismiss = useCallback(() => setLast(null), []);
  const openSnooze = useCallback((ids: readonly string[]) => ui.setDialog({ kind: 'snooze', ids }), [ui]);

  useInboxKeys({ list, search, onDone: done, onSnooze: openSnooze, onUndo: undo });

  const total = counts?.total ?? 0;
  const overdue = counts?.groups.find((g) => g.group === 'overdue')?.count ?? 0;
  const empty = anything === 0;

  return (
    <>
      <div className="inbox-head">
        <h2 className="inbox-title">Inbox</h2>
        {counts && !empty && (
          <p className="inbox-summary" aria-live="polite">
            {total} {filter.status === 'open' ? 'open' : filter.status}
            {overdue > 0 && <span className="inbox-summary-overdue"> · {overdue} overdue</span>}
          </p>
        )}
      </div>
      {anything === undefined ? null : empty ? (
        <EmptyState />
      ) : (
        <>
          <InboxToolbar
            ref={search}
            filter={filter}
            facets={facets}
            sources={sources}
            onChange={ui.setFilter}
            onShortcuts={() => ui.setDialog({ kind: 'shortcuts' })}
          />
          {checked.size > 0 && (
            <BulkBar
              count={checked.size}
              status={filter.status}
              onDone={() => done([...checked])}
              onSnooze={() => openSnooze([...checked])}
              onClear={ui.clearChecked}
            />
          )}
          <div className="inbox-layout" data-detail={openId ? 'open' : undefined}>
            {counts && counts.total > 0 ? (
              <InboxList
                ref={list}
                counts={counts}
                filter={filter}
                clock={clock}
                now={minute}
                checked={checked}
                onDone={(item) => done([item.id])}
                onSnooze={(item) => openSnooze([item.id])}
                onOpen={(item) => ui.openItem(item.id)}
                onToggle={(item) => ui.toggleChecked(item.id)}
              />
            ) : counts ? (
              <p className="inbox-no-match" role="status">
                Nothing matches these filters.{' '}
                <button
                  type="button"
                  className="button button-ghost button-small"
                  onClick={() => ui.setFilter(DEFAULT_FILTER)}
                >
                  Clear filters
                </button>
              </p>
            ) : null}
            {openId && (
              <DetailPane
                id={openId}
                clock={clock}
                onClose={() => {
                  ui.openItem(null);
                  list.current?.focusSelected();
                }}
                onDone={(item) => done([item.id])}
                onReopen={(item) => reopen([item.id])}
                onSnooze={(item) => openSnooze([item.id])}
                onChangeDeadline={(item) => ui.setDialog({ kind: 'deadline', id: item.id })}
                onOpenLink={(url) => void actions.openLink(url)}
              />
            )}
          </div>
        </>
      )}
      {dialog?.kind === 'snooze' && (
        <SnoozeDialog
          count={dialog.ids.length}
          clock={clock}
          choices={actions.snoozeChoices(clock.now)}
          zone={actions.zone}
          onSnooze={(until) => snoozeAt(dialog.ids, until)}
          onClose={() => ui.setDialog(null)}
        />
      )}
      {dialog?.kind === 'deadline' && (
        <DeadlineDialog
          id={dialog.id}
          clock={clock}
          zone={actions.zone}
          onSave={async (deadline) => {
            ui.setDialog(null);
            await actions.setDeadline(dialog.id, deadline);
          }}
          onClose={() => ui.setDialog(null)}
        />
      )}
      {dialog?.kind === 'shortcuts' && <ShortcutsDialog onClose={() => ui.setDialog(null)} />}
      <div role="status" className="toast-region">
        {last && <UndoToast what={last.what} title={last.title} onUndo={undo} onDismiss={dismiss} />}
      </div>
    </>
  );
}
