import { SOURCE_KIND_LABELS, type SourceView } from '../../../shared/source-schemas';
import { ConfirmGroup, useConfirmation } from '../../components/ConfirmGroup';
import type { ClockReading } from '../../lib/clock';
import { describeSourceStatus } from './source-status';

interface Props {
  readonly view: SourceView;
  readonly clock: ClockReading;
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
  const confirmation = useConfirmation();
  const paused = status.state === 'paused';

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
      {confirmation.confirming ? (
        <ConfirmGroup
          confirmation={confirmation}
          question="Remove this source?"
          confirmLabel={
            <>
              Remove<span className="visually-hidden"> {source.name} for good</span>
            </>
          }
          keepLabel={
            <>
              Keep<span className="visually-hidden"> {source.name}</span>
            </>
          }
          busy={busy === 'remove'}
          removes
          onConfirm={onRemove}
        />
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
            ref={confirmation.triggerRef}
            type="button"
            className="button button-small button-ghost"
            onClick={confirmation.ask}
          >
            Remove<span className="visually-hidden"> {source.name}</span>
          </button>
        </div>
      )}
    </li>
  );
}
