import { type KeyboardEvent, type RefObject, useCallback } from 'react';

const ROW = '[data-item-id]';

/** Arrow keys, Home and End move focus between rows of the list, from a row or from a button in it. */
export function useRowNavigation(list: RefObject<HTMLUListElement | null>) {
  return useCallback(
    (event: KeyboardEvent<HTMLUListElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const rows = [...(list.current?.querySelectorAll<HTMLElement>(ROW) ?? [])];
      const current = (event.target as HTMLElement).closest<HTMLElement>(ROW);
      const index = current ? rows.indexOf(current) : -1;
      let next: HTMLElement | undefined;
      if (event.key === 'ArrowDown') next = rows[Math.min(index + 1, rows.length - 1)];
      else if (event.key === 'ArrowUp') next = rows[Math.max(index - 1, 0)];
      else if (event.key === 'Home') next = rows[0];
      else if (event.key === 'End') next = rows.at(-1);
      else return;
      event.preventDefault();
      next?.focus();
    },
    [list],
  );
}
