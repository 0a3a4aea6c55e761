import type { RouteDecision } from '../../../shared/routing';
import { describeRoute } from './reason';

/**
 * Why an item reached you when it did: "Broke through · would miss its 4 h deadline". Screen readers
 * hear one sentence ("Broke through: …"); the dot is drawn for the eye only.
 */
export function ReasonLine({
  decision,
  className,
}: {
  decision: RouteDecision | undefined;
  className?: string;
}) {
  const reason = describeRoute(decision);
  if (!reason) return null;
  return (
    <p className={['reason', className].filter(Boolean).join(' ')} data-action={reason.action}>
      <span className="reason-label">{reason.label}</span>
      {reason.detail && (
        <>
          <span className="visually-hidden">: </span>
          <span className="reason-detail">{reason.detail}</span>
        </>
      )}
    </p>
  );
}
