import { type KeyboardEvent, type SyntheticEvent, useEffect, useId, useRef } from 'react';
import type { Clock } from '../../hooks/useClock';
import type { DigestPanelMode } from '../../store/digest-slice';
import { LatestDigestSheet, PeekSheet } from './DigestContent';
import './digest.css';
import './digest-frame.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input, select, textarea, [tabindex="0"]';

interface Props {
  readonly mode: DigestPanelMode;
  readonly clock: Clock;
  readonly onClose: () => void;
  readonly onModeChange: (mode: DigestPanelMode) => void;
}

/**
 * The digest as an in-page modal dialog (browser host on release, the header's held indicator
 * everywhere): the page behind is inert, Tab stays inside, Escape or a click outside closes it, and
 * focus goes back to where it was.
 */
export function DigestPanel({ mode, clock, onClose, onModeChange }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    return () => {
      element.close();
      opener?.focus();
    };
  }, []);

  const onCancel = (event: SyntheticEvent) => {
    // Escape: close through React state, so the store and the DOM agree.
    event.preventDefault();
    onClose();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const chrome = { titleId, clock, onDismiss: onClose, dismissLabel: 'Close', autoFocus: true };
  return (
    <dialog
      ref={dialog}
      className="digest-dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      onCancel={onCancel}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {mode === 'peek' ? (
        <PeekSheet key="peek" {...chrome} onReleased={() => onModeChange('digest')} />
      ) : (
        <LatestDigestSheet key="digest" {...chrome} />
      )}
    </dialog>
  );
}
