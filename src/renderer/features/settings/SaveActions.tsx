import type { ReactNode } from 'react';
import type { Outcome } from './useSettingsForm';

interface Props {
  /** The submit button's text, e.g. "Save charter". */
  readonly label: string;
  readonly dirty: boolean;
  readonly saving: boolean;
  readonly outcome: Outcome;
  /** More buttons between Save and the status line. */
  readonly children?: ReactNode;
}

/** A settings form's footer: Save (quiet while nothing changed), then what the last save said. */
export function SaveActions({ label, dirty, saving, outcome, children }: Props) {
  return (
    <div className="form-actions settings-actions">
      <button
        type="submit"
        className="button button-primary"
        data-tone={dirty ? undefined : 'quiet'}
        aria-busy={saving || undefined}
      >
        {label}
      </button>
      {children}
      <p className="form-outcome" role="status" data-ok={outcome?.ok}>
        {outcome?.text ?? (dirty ? 'Unsaved changes' : '')}
      </p>
    </div>
  );
}
