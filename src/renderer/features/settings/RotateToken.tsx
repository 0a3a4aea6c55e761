import { useState } from 'react';
import { ConfirmGroup, useConfirmation } from '../../components/ConfirmGroup';
import { describeError } from '../../lib/errors';
import { useServices } from '../../services/useServices';

/**
 * "Rotate token" behind a confirmation. The core refuses the old token at once and announces the new
 * one (`app:info-changed`), which the API block shows and the browser client keeps for its next connection.
 */
export function RotateToken() {
  const { client } = useServices();
  const confirmation = useConfirmation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const rotate = async () => {
    setBusy(true);
    try {
      await client.api.app.rotateToken();
      setMessage({ text: 'New token in use. Update your scripts with it.', error: false });
    } catch (failure) {
      setMessage({ text: `Could not rotate the token: ${describeError(failure)}`, error: true });
    } finally {
      setBusy(false);
      confirmation.dismiss();
    }
  };

  return (
    <div className="token-rotation">
      {confirmation.confirming ? (
        <ConfirmGroup
          confirmation={confirmation}
          className="token-confirm"
          question="Rotate the token? Scripts using the old token will stop working at once."
          confirmLabel="Rotate now"
          keepLabel="Keep the current token"
          busy={busy}
          onConfirm={() => void rotate()}
        />
      ) : (
        <button
          ref={confirmation.triggerRef}
          type="button"
          className="button button-small"
          onClick={() => {
            setMessage(null);
            confirmation.ask();
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
