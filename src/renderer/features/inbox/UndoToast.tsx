import { useEffect } from 'react';
import './toast.css';

interface Props {
  /** "Marked done", "Snoozed until Tue 09:00". */
  readonly what: string;
  readonly title: string;
  readonly onUndo: () => void;
  readonly onDismiss: () => void;
}

/** "Marked done: … · Undo" for a few seconds; announced politely, never steals focus. */
export function UndoToast({ what, title, onUndo, onDismiss }: Props) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, 8_000);
    return () => clearTimeout(timer);
  }, [onDismiss]);

  return (
    <div className="toast">
      <p className="toast-text">
        {what}: <span className="toast-title">{title}</span>
      </p>
      <button type="button" className="button button-small" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
