import { useEffect, useRef, useState } from 'react';
import { SOURCE_KIND_LABELS, type SourceView } from '../../../shared/source-schemas';
import type { Clock } from '../../hooks/useClock';
import { describeSourceStatus } from './source-status';

interface Props {
  readonly view: SourceView;
  readonly clock: Clock;
  /** Which action is waiting for the core, if any. */
  readonly busy: 'check' | 'pause' | 'remove' | null;
  onCheckNow(): void;
  onSetPaused(paused: boolean): void;
  onEdit(): void;
  onRemove(): void;
  /** The Edit button, so focus can come back to it when the editor closes. */
  editRef(element: HTMLButtonElement | null): void;
}

/** One source: name, kind, status in words, and Check now, Pause or Resume, Edit, Remove (confirmed). */
export function SourceRow({ view, clock, busy, onCheckNow, onSetPaused, onEdit, onRemove, editRef }: Props) {
  const { source, status } = view;
  const [confirming, setConfirming] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const paused = status.state === 'paused';

  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) removeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <li className="rule source" data-state={status.state} aria-labelledby={`source-${source.id}-name`}>
      <div className="rule-text">
        <p className="rule-name" id={`source-${source.id}-name`}>
          {source.name}
        </p>
        <p className="rule-meta">{SOURCE_KIND_LABELS[source.kind]}</p>
        <p className="source-status" data-state={status.state}>
          {describeSourceStatus(source, status, clock.now, clock.zone)}
        </p>
      </div>
      {confirming ? (
        <fieldset className="rule-confirm">
          <legend className="rule-confirm-text">Remove this source?</legend>
          <button
            type="button"
            className="button button-small button-danger"
            disabled={busy === 'remove'}
            onClick={() => {
              wasConfirming.current = false;
              onRemove();
            }}
          >
            Remove<span className="visually-hidden"> {source.name} for good</span>
          </button>
          <button
            ref={keep}
            type="button"
            className="button button-small"
            onClick={() => setConfirming(false)}
          >
            Keep<span className="visually-hidden"> {source.name}</span>
          </button>
        </fieldset>
      ) : (
        <div className="rule-actions source-actions">
          <button
            type="button"
            className="button button-small"
            disabled={paused || busy === 'check' || status.state === 'checking'}
            aria-busy={busy === 'check' || undefined}
            onClick={onCheckNow}
          >
            Check now<span className="visually-hidden"> {source.name}</span>
          </button>
          <button
            type="button"
            className="button button-small button-ghost"
            disabled={busy === 'pause'}
            onClick={() => onSetPaused(!paused)}
          >
            {paused ? 'Resume' : 'Pause'}
            <span className="visually-hidden"> {source.name}</span>
          </button>
          <button ref={editRef} type="button" className="button button-small button-ghost" onClick={onEdit}>
            Edit<span className="visually-hidden"> {source.name}</span>
          </button>
          <button
            ref={removeButton}
            type="button"
            className="button button-small button-ghost"
            onClick={() => setConfirming(true)}
          >
            Remove<span className="visually-hidden"> {source.name}</span>
          </button>
        </div>
      )}
    </li>
  );
}
