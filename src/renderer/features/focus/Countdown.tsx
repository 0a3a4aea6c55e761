import { formatCountdown } from '../../../shared/due-format';
import { useClock } from '../../hooks/useClock';

interface Props {
  /** "Ends in", "Starts in". */
  label: string;
  target: number;
  /** When given, a bar shows how much of [since, target] has passed. */
  since?: number | null;
}

/**
 * Ticks every second while the page is visible, and only this component re-renders. The timer role
 * is not live (it would speak every second); the text is there when a screen reader reads it.
 */
export function Countdown({ label, target, since = null }: Props) {
  const { now } = useClock(1_000);
  const progress =
    since !== null && target > since ? Math.min(1, Math.max(0, (now - since) / (target - since))) : null;
  return (
    <div className="countdown">
      <p className="countdown-text">
        <span className="countdown-label">{label}</span>{' '}
        <span role="timer" className="countdown-digits">
          {formatCountdown(target - now)}
        </span>
      </p>
      {progress !== null && (
        <div className="countdown-bar" aria-hidden="true">
          <div className="countdown-bar-fill" style={{ width: `${(progress * 100).toFixed(2)}%` }} />
        </div>
      )}
    </div>
  );
}
