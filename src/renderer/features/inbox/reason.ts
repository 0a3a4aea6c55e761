/**
 * How a routing decision reads in a row: a short label and the rest of the core's sentence,
 * "Broke through · would miss its 4 h deadline", "Held · for the 13:00 summary".
 */
import type { RouteAction, RouteDecision } from '../../../shared/routing';

export interface ReasonView {
  readonly action: RouteAction;
  /** "Broke through", "Held", "Delivered". */
  readonly label: string;
  /** The rest of the sentence: "would miss its 4 h deadline", "for the 13:00 summary". */
  readonly detail: string;
  /** One sentence for assistive tech and tooltips: "Broke through: would miss its 4 h deadline". */
  readonly sentence: string;
}

const LABELS: Readonly<Record<RouteAction, string>> = {
  'break-through': 'Broke through',
  hold: 'Held',
  deliver: 'Delivered',
};

/** The words the core starts each kind of sentence with, which the label replaces. */
const LEADS: Readonly<Record<RouteAction, RegExp>> = {
  'break-through': /^broke through:?\s*/i,
  hold: /^held\s+/i,
  deliver: /^delivered\s+/i,
};

/**
 * The row's reason, or null when there is nothing worth saying: an item delivered as it arrived
 * (instant mode) interrupted no one and needs no explanation.
 */
export function describeRoute(decision: RouteDecision | undefined): ReasonView | null {
  if (!decision || decision.action === 'deliver') return null;
  const label = LABELS[decision.action];
  const detail = decision.text.replace(LEADS[decision.action], '').trim();
  return { action: decision.action, label, detail, sentence: detail ? `${label}: ${detail}` : label };
}
