import type { CharterCheck } from './useCharterCheck';

interface Props {
  readonly check: CharterCheck;
  /** The form has a problem: there is no policy to check until it is fixed. */
  readonly invalid: boolean;
}

/**
 * The charter check, live: which channels' reply windows these delivery times cannot keep, in the
 * core's words ("chat replies within 4 h need a summary at least every 3.5 h; …"). One polite live
 * region, so each new answer is read once.
 */
export function CharterStatus({ check, invalid }: Props) {
  const { warnings, error } = check;
  const state = invalid
    ? 'invalid'
    : error
      ? 'error'
      : warnings === null
        ? 'pending'
        : warnings.length
          ? 'warn'
          : 'ok';
  return (
    <div className="charter-status" data-state={state} role="status">
      <h4 className="charter-status-title">
        <svg className="charter-status-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
          {state === 'ok' ? (
            <path d="M3.5 8.5 6.5 11.5 12.5 4.5" />
          ) : (
            <path d="M8 2.5 14.5 13.5h-13L8 2.5ZM8 6.5v3.25M8 11.75v.25" />
          )}
        </svg>
        Charter check
      </h4>
      {state === 'invalid' && <p>Fix the fields marked above to check these times against your charter.</p>}
      {state === 'error' && <p>Could not check the charter: {error}</p>}
      {state === 'pending' && <p>Checking these times against your charter…</p>}
      {state === 'ok' && <p>Every reply window in your charter fits these delivery times.</p>}
      {state === 'warn' && warnings && (
        <ul className="charter-warnings">
          {warnings.map((warning) => (
            <li key={warning.channel}>{capitalise(warning.text)}.</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
