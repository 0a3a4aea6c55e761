import { useEffect, useRef, useState } from 'react';
import { useServices } from '../../app/useServices';
import { describeError } from '../../lib/errors';

/**
 * "Rotate token" behind a confirmation. The core refuses the old token at once and announces the new
 * one (`app:info-changed`), which the API block shows and the browser client keeps for its next connection.
 */
export function RotateToken() {
  const { client } = useServices();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) keep.current?.focus();
    else if (wasConfirming.current) start.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const rotate = async () => {
    setBusy(true);
    try {
      await client.api.app.rotateToken();
      setMessage({ text: 'New token in use. Update your scripts with it.', error: false });
    } catch (failure) {
      setMessage({ text: `Could not rotate the token: ${describeError(failure)}`, error: true });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <div className="token-rotation">
      {confirming ? (
        <fieldset className="rule-confirm token-confirm">
          <legend className="rule-confirm-text">
            Rotate the token? Scripts using the old token will stop working at once.
          </legend>
          <button
            type="button"
            className="button button-small button-danger"
            disabled={busy}
            aria-busy={busy || undefined}
            onClick={() => void rotate()}
          >
            Rotate now
          </button>
          <button
            ref={keep}
            type="button"
            className="button button-small"
            onClick={() => setConfirming(false)}
          >
            Keep the current token
          </button>
        </fieldset>
      ) : (
        <button
          ref={start}
          type="button"
          className="button button-small"
          onClick={() => {
            setMessage(null);
            setConfirming(true);
          }}
        >
          Rotate token
        </button>
      )}
      <p className="token-rotation-status" role={message?.error ? 'alert' : 'status'}>
        {message?.text}
      </p>
    </div>
  );
}
