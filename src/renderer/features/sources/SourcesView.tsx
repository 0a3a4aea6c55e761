import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SourceDraft } from '../../../shared/source-schemas';
import type { ClockReading } from '../../lib/clock';
import { describeError } from '../../lib/errors';
import { useServices } from '../../services/useServices';
import { selectSourceActions, selectSources, selectSourcesLoaded } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { SourceForm } from './SourceForm';
import { SourceRow } from './SourceRow';
import { emptySourceForm, formFromView } from './source-form';
import '../focus/focus-view.css';
import '../focus/rule-form.css';
import '../focus/rules.css';
import '../settings/settings-fields.css';
import './sources.css';

type Busy = { id: string; action: 'check' | 'pause' | 'remove' } | null;

/** `#/sources`: the connectors (RSS or Atom, GitHub, IMAP) that bring updates in, and how each is doing. */
export function SourcesView({ clock }: { clock: ClockReading }) {
  const { client } = useServices();
  const sources = useLullStore(selectSources);
  const loaded = useLullStore(selectSourcesLoaded);
  const { putSource, setSourceStatus, dropSource } = useLullStore(useShallow(selectSourceActions));
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const editButtons = useRef(new Map<string, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement>(null);

  const closeEditor = (focusId: string | null) => {
    setEditing(null);
    // Back to where the person started, once the form is gone.
    requestAnimationFrame(() => (focusId ? editButtons.current.get(focusId) : addButton.current)?.focus());
  };

  const run = async (id: string, action: NonNullable<Busy>['action'], call: () => Promise<unknown>) => {
    setBusy({ id, action });
    setProblem(null);
    try {
      await call();
    } catch (failure) {
      setProblem(describeError(failure));
    } finally {
      setBusy(null);
    }
  };

  const save = async (draft: SourceDraft, secret: string | undefined): Promise<string | null> => {
    try {
      const saved = await client.api.sources.save(secret ? { source: draft, secret } : { source: draft });
      putSource(saved);
      closeEditor(draft.id ?? null);
      return null;
    } catch (failure) {
      return describeError(failure);
    }
  };

  const editingView = sources.find((view) => view.source.id === editing);

  return (
    <div className="focus-view sources-view">
      <div className="view-head">
        <div>
          <h2 className="view-title">Sources</h2>
          <p className="view-lead">
            Feeds, GitHub and mail that Lull checks for you, each on its own schedule.
          </p>
        </div>
        {editing !== 'new' && (
          <button
            ref={addButton}
            type="button"
            className="button button-primary"
            onClick={() => setEditing('new')}
          >
            Add source
          </button>
        )}
      </div>

      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}

      {editing === 'new' && (
        <div className="rule-new">
          <SourceForm
            initial={emptySourceForm('rss')}
            hasSecret={false}
            title="Add a source"
            onSave={save}
            onCancel={() => closeEditor(null)}
          />
        </div>
      )}

      {!loaded ? (
        <p className="settings-pending">Loading your sources…</p>
      ) : sources.length === 0 && editing !== 'new' ? (
        <div className="rules-empty">
          <p className="rules-empty-title">No sources yet</p>
          <p className="rules-empty-text">
            Add a feed, your GitHub notifications or a mailbox, and its updates arrive in the inbox by
            deadline.
          </p>
        </div>
      ) : (
        <ul className="rule-list source-list" aria-label="Sources">
          {sources.map((view) =>
            editing === view.source.id && editingView ? (
              <li key={view.source.id} className="rule rule-editing">
                <SourceForm
                  initial={formFromView(editingView)}
                  hasSecret={editingView.hasSecret}
                  title={`Edit ${view.source.name}`}
                  onSave={save}
                  onCancel={() => closeEditor(view.source.id)}
                />
              </li>
            ) : (
              <SourceRow
                key={view.source.id}
                view={view}
                clock={clock}
                busy={busy?.id === view.source.id ? busy.action : null}
                editRef={(element) => {
                  if (element) editButtons.current.set(view.source.id, element);
                  else editButtons.current.delete(view.source.id);
                }}
                onEdit={() => setEditing(view.source.id)}
                onCheckNow={() =>
                  void run(view.source.id, 'check', () =>
                    client.api.sources.checkNow({ id: view.source.id }).then(setSourceStatus),
                  )
                }
                onSetPaused={(paused) =>
                  void run(view.source.id, 'pause', () =>
                    client.api.sources.setPaused({ id: view.source.id, paused }).then(setSourceStatus),
                  )
                }
                onRemove={() =>
                  void run(view.source.id, 'remove', async () => {
                    await client.api.sources.remove({ id: view.source.id });
                    dropSource(view.source.id);
                    addButton.current?.focus();
                  })
                }
              />
            ),
          )}
        </ul>
      )}
    </div>
  );
}
