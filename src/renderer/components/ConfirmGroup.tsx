import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';

export interface Confirmation {
  confirming: boolean;
  /** The button that asks; focus comes back to it when the question is dismissed. */
  triggerRef: RefObject<HTMLButtonElement | null>;
  keepRef: RefObject<HTMLButtonElement | null>;
  ask(): void;
  dismiss(): void;
  /** The act removes the row: focus must not go back to a trigger that is about to disappear. */
  forgetTrigger(): void;
}

/**
 * A destructive act behind one question: asking moves focus to the safe answer ("Keep"), and
 * dismissing brings it back to the button that asked, so keyboard users never lose their place.
 */
export function useConfirmation(): Confirmation {
  const [confirming, setConfirming] = useState(false);
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const keepRef = useRef<HTMLButtonElement | null>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) keepRef.current?.focus();
    else if (wasConfirming.current) triggerRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return {
    confirming,
    triggerRef,
    keepRef,
    ask: () => setConfirming(true),
    dismiss: () => setConfirming(false),
    forgetTrigger: () => {
      wasConfirming.current = false;
    },
  };
}

interface Props {
  confirmation: Confirmation;
  question: ReactNode;
  confirmLabel: ReactNode;
  keepLabel: ReactNode;
  busy?: boolean;
  /** True when the act removes what asked (a row): focus is not sent back to it. */
  removes?: boolean;
  className?: string;
  onConfirm(): void;
}

/** The question, the act (styled as dangerous) and the safe answer, as one labelled group. */
export function ConfirmGroup({
  confirmation,
  question,
  confirmLabel,
  keepLabel,
  busy,
  removes,
  className,
  onConfirm,
}: Props) {
  return (
    <fieldset className={['rule-confirm', className].filter(Boolean).join(' ')}>
      <legend className="rule-confirm-text">{question}</legend>
      <button
        type="button"
        className="button button-small button-danger"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => {
          if (removes) confirmation.forgetTrigger();
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button
        ref={confirmation.keepRef}
        type="button"
        className="button button-small"
        onClick={confirmation.dismiss}
      >
        {keepLabel}
      </button>
    </fieldset>
  );
}
