import type { ClockReading } from '../../lib/clock';
import { selectHeld } from '../../store/selectors';
import { useLullStore } from '../../store/store';
import { heldIndicatorText } from './digest-format';

/** "3 held · next 13:00" in the header; opens the peek panel. Hidden while nothing is held. */
export function HeldIndicator({ clock }: { clock: ClockReading }) {
  const held = useLullStore(selectHeld);
  const open = useLullStore((s) => s.openDigestPanel);
  if (!held || held.heldCount === 0) return null;
  return (
    <button
      type="button"
      className="held-indicator"
      aria-haspopup="dialog"
      title="Peek at held updates"
      onClick={() => open('peek')}
    >
      <svg className="held-indicator-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect x="2.5" y="3.5" width="11" height="9" rx="2" />
        <path d="M2.5 8.5h3l1 1.5h3l1-1.5h3" />
      </svg>
      {heldIndicatorText(held, clock)}
    </button>
  );
}
