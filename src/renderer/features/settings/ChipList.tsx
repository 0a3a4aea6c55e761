import type { ReactNode } from 'react';

interface Props {
  /** The list's accessible name. */
  readonly label: string;
  /** Sets the chips' look (`vip-list`, `holiday-list`). */
  readonly className: string;
  readonly items: readonly string[];
  /** Remove buttons are `${idPrefix}-remove-${index}`, so focus can move to a neighbour after a removal. */
  readonly idPrefix: string;
  /** The item in words, for its Remove button: "Remove Thu, 26 Dec 2030". */
  readonly nameOf: (item: string) => string;
  readonly children: (item: string) => ReactNode;
  readonly onRemove: (item: string, index: number) => void;
}

/** A list field's entries as chips, each with a labelled remove button (the VIPs, the holidays). */
export function ChipList({ label, className, items, idPrefix, nameOf, children, onRemove }: Props) {
  return (
    <ul className={`chip-list ${className}`} aria-label={label}>
      {items.map((item, index) => (
        <li key={item} className="chip">
          {children(item)}
          <button
            id={`${idPrefix}-remove-${index}`}
            type="button"
            className="chip-remove"
            aria-label={`Remove ${nameOf(item)}`}
            onClick={() => onRemove(item, index)}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
              <path d="M5 5l6 6M11 5l-6 6" />
            </svg>
          </button>
        </li>
      ))}
    </ul>
  );
}
