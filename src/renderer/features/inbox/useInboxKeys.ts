import { type RefObject, useEffect, useRef } from 'react';
import { useLullStore } from '../../store/store';
import type { InboxListHandle } from './InboxList';

interface Options {
  readonly list: RefObject<InboxListHandle | null>;
  readonly search: RefObject<HTMLInputElement | null>;
  readonly onDone: (ids: readonly string[]) => void;
  readonly onSnooze: (ids: readonly string[]) => void;
  readonly onUndo: () => void;
}

/** Typing in a field, or a dialog open: single-letter keys belong to them. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('dialog[open]')) return true;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The inbox's keys (the ? dialog lists them): j/k move, Enter or o open, e done, s snooze, z undo,
 * x select, / search, ? shortcuts, Escape closes the detail pane or clears the selection. A bulk
 * action applies to the ticked rows when there are some, else to the row under the cursor.
 */
export function useInboxKeys(options: Options): void {
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (typing(event.target)) return;
      const { list, search, onDone, onSnooze, onUndo } = latest.current;
      const store = useLullStore.getState();
      const current = list.current?.current() ?? null;
      const targets = store.checked.size > 0 ? [...store.checked] : current ? [current.id] : [];
      const act = (run: (ids: readonly string[]) => void) => {
        if (targets.length > 0) run(targets);
      };

      switch (event.key) {
        case 'j':
          list.current?.move(1);
          break;
        case 'k':
          list.current?.move(-1);
          break;
        case 'o':
        case 'Enter':
          // Enter on a button or link is theirs.
          if (event.key === 'Enter' && (event.target as HTMLElement).closest?.('button, a')) return;
          if (!current) return;
          store.openItem(current.id);
          break;
        case 'e':
          act(onDone);
          break;
        case 's':
          act(onSnooze);
          break;
        case 'z':
          onUndo();
          break;
        case 'x':
          if (!current) return;
          store.toggleChecked(current.id);
          break;
        case '/':
          search.current?.focus();
          search.current?.select();
          break;
        case '?':
          store.setDialog({ kind: 'shortcuts' });
          break;
        case 'Escape':
          if (store.openId) {
            store.openItem(null);
            list.current?.focusSelected();
          } else if (store.checked.size > 0) store.clearChecked();
          else return;
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
