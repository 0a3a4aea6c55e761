import { useEffect, useState } from 'react';
import { copyText } from './clipboard';

type Outcome = 'idle' | 'copied' | 'failed';

/**
 * "Copy" with what is copied in a visually hidden suffix ("Copy token"), so the visible word stays
 * part of the accessible name. The outcome is announced through a polite live region.
 */
export function CopyButton({ text, what }: { text: string; what: string }) {
  const [outcome, setOutcome] = useState<Outcome>('idle');

  useEffect(() => {
    if (outcome === 'idle') return;
    const timer = setTimeout(() => setOutcome('idle'), 2_000);
    return () => clearTimeout(timer);
  }, [outcome]);

  return (
    <>
      <button
        type="button"
        className="button button-small"
        onClick={async () => setOutcome((await copyText(text)) ? 'copied' : 'failed')}
      >
        {outcome === 'copied' ? 'Copied' : 'Copy'}
        <span className="visually-hidden"> {what}</span>
      </button>
      <span className="visually-hidden" role="status">
        {outcome === 'copied' ? `${what} copied` : outcome === 'failed' ? `Could not copy the ${what}` : ''}
      </span>
    </>
  );
}
