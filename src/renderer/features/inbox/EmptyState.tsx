import { useState } from 'react';
import { useAppInfo } from '../../hooks/useAppInfo';
import { ApiFacts } from './ApiFacts';
import { CopyButton } from './CopyButton';
import { curlCommand, maskToken } from './first-update';
import './empty-state.css';

/** What a new user sees first: how to push an update, with this machine's real address and token. */
export function EmptyState() {
  const { info, error } = useAppInfo();
  const [revealed, setRevealed] = useState(false);

  return (
    <section className="empty" aria-labelledby="empty-title">
      <svg className="empty-art" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
        <rect x="6" y="12" width="36" height="26" rx="6" />
        <path d="M6 26h10l3 5h10l3-5h10" />
      </svg>
      <h2 id="empty-title" className="empty-title">
        No updates yet
      </h2>
      <p className="empty-lead">
        Anything that can send JSON — a script, a cron job, an automation — can add to this inbox through
        Lull's local API. Each update gets a reply-by time from your team's charter and lands here, soonest
        first.
      </p>

      {info ? (
        <div className="setup">
          <ApiFacts info={info} revealed={revealed} onToggleReveal={() => setRevealed((r) => !r)} />

          <div className="setup-command">
            <div className="setup-command-head">
              <h3 className="setup-command-title" id="curl-title">
                Try it from a terminal
              </h3>
              <CopyButton text={curlCommand(info.apiUrl, info.token)} what="curl command" />
            </div>
            {/* Wrapped, not scrolled, so no part of it is out of reach of the keyboard. */}
            <pre className="setup-code">
              <code>{curlCommand(info.apiUrl, revealed ? info.token : maskToken(info.token))}</code>
            </pre>
            <p className="setup-hint">The copied command contains the real token. Keep it to yourself.</p>
          </div>
        </div>
      ) : (
        <p className="setup-pending" aria-live="polite">
          {error ? `Waiting for Lull's local API… (${error})` : 'Looking up the local API address…'}
        </p>
      )}
    </section>
  );
}
