import type { AppInfo } from '../../../shared/contract';
import { CopyButton } from './CopyButton';
import { maskToken, updatesUrl } from './first-update';

interface Props {
  readonly info: AppInfo;
  readonly revealed: boolean;
  readonly onToggleReveal: () => void;
}

/** The local API's endpoint and token (masked until asked), each with Copy: the empty state and Settings. */
export function ApiFacts({ info, revealed, onToggleReveal }: Props) {
  return (
    <dl className="setup-facts">
      <div className="setup-fact">
        <dt>Endpoint</dt>
        <dd>
          <code className="setup-value">{updatesUrl(info.apiUrl)}</code>
          <CopyButton text={updatesUrl(info.apiUrl)} what="endpoint" />
        </dd>
      </div>
      <div className="setup-fact">
        <dt>Token</dt>
        <dd>
          <code className="setup-value" data-masked={!revealed}>
            {revealed ? info.token : maskToken(info.token)}
          </code>
          <button type="button" className="button button-small" onClick={onToggleReveal}>
            {revealed ? 'Hide' : 'Show'}
            <span className="visually-hidden"> token</span>
          </button>
          <CopyButton text={info.token} what="token" />
        </dd>
      </div>
    </dl>
  );
}
