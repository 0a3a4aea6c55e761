import { useRef, useState } from 'react';
import { FieldError } from '../focus/FieldError';
import { addVip } from './delivery-form';

interface Props {
  readonly idPrefix: string;
  readonly vips: readonly string[];
  readonly listError: string | undefined;
  readonly onChange: (vips: string[]) => void;
}

/** People whose updates always break through: a list of names or handles, add and remove. */
export function VipField({ idPrefix, vips, listError, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = `${idPrefix}-input`;
  const errorId = `${idPrefix}-error`;
  const message = error ?? listError;

  const add = () => {
    const result = addVip(vips, draft);
    if ('error' in result) {
      setError(result.error);
      return;
    }
    setError(null);
    setDraft('');
    onChange(result.vips);
  };

  return (
    <div className="field vip-field">
      <label htmlFor={inputId} className="field-label">
        VIPs
      </label>
      <p className="field-note" id={`${idPrefix}-note`}>
        Their updates always come through, matched by name or handle.
      </p>
      {vips.length > 0 && (
        <ul className="vip-list" aria-label="VIP list">
          {vips.map((vip) => (
            <li key={vip} className="vip-chip">
              <span>{vip}</span>
              <button
                type="button"
                className="vip-remove"
                aria-label={`Remove ${vip}`}
                onClick={() => {
                  onChange(vips.filter((v) => v !== vip));
                  input.current?.focus();
                }}
              >
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  <path d="M5 5l6 6M11 5l-6 6" />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="vip-add">
        <input
          ref={input}
          id={inputId}
          className="input"
          type="text"
          value={draft}
          maxLength={200}
          autoComplete="off"
          placeholder="Name or @handle"
          aria-invalid={message ? true : undefined}
          aria-describedby={[`${idPrefix}-note`, message && errorId].filter(Boolean).join(' ')}
          onChange={(event) => {
            setDraft(event.target.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button-small" onClick={add}>
          Add<span className="visually-hidden"> VIP</span>
        </button>
      </div>
      <FieldError id={errorId} message={message ?? undefined} />
    </div>
  );
}
