import { useEffect, useId } from 'react';
import type { ClockReading } from '../../lib/clock';
import { LatestDigestSheet, PeekSheet } from './DigestContent';
import './digest.css';
import './digest-frame.css';

interface Props {
  readonly peek: boolean;
  readonly clock: ClockReading;
  /** The desktop pop-up window: Escape closes the window itself. */
  readonly popup: boolean;
}

/**
 * `#/digest` and `#/digest?peek=1` on their own: the desktop pop-up's page (380×480), also reachable in
 * the browser host, where dismissing it goes back to the inbox.
 */
export function DigestPage({ peek, clock, popup }: Props) {
  const titleId = useId();
  const dismiss = () => {
    if (popup) window.close();
    else window.location.hash = '#/inbox';
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (popup) window.close();
      else window.location.hash = '#/inbox';
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [popup]);

  const chrome = {
    titleId,
    clock,
    onDismiss: dismiss,
    dismissLabel: popup ? 'Close' : 'Back to inbox',
    autoFocus: true,
  };
  return (
    <main className="digest-page" aria-labelledby={titleId}>
      {peek ? (
        <PeekSheet key="peek" {...chrome} onReleased={() => (window.location.hash = '#/digest')} />
      ) : (
        <LatestDigestSheet key="digest" {...chrome} />
      )}
    </main>
  );
}
