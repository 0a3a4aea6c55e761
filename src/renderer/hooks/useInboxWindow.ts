import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { type InboxFilter, keyOf, nearestAnchor, type PageKey, readWindow } from '../db/inbox-query';
import type { StoredItem } from '../db/lull-db';
import { useDb } from '../services/useServices';

/** Anchors are kept every this many rows, so a window never skips more than this from one. */
const ANCHOR_EVERY = 50;

export interface InboxWindow {
  readonly start: number;
  readonly items: readonly StoredItem[];
}

/**
 * The rows from `start` to `end` (exclusive), live. Only this window is read and watched: scrolling
 * moves the window, and each read starts from the nearest known key (keyset) rather than the top.
 * `revision` changes when the rows before the window may have changed (the counts did): the anchors
 * are then forgotten, since positions moved.
 */
export function useInboxWindow(
  filter: InboxFilter,
  now: number,
  start: number,
  end: number,
  revision: string,
): InboxWindow | undefined {
  const db = useDb();
  const anchors = useRef(new Map<number, PageKey | null>());
  const anchorsFor = useRef('');
  const key = `${JSON.stringify(filter)}|${revision}`;
  if (anchorsFor.current !== key) {
    anchorsFor.current = key;
    anchors.current = new Map();
  }
  const window = useLiveQuery(async () => {
    const items = await readWindow(
      db,
      filter,
      now,
      start,
      Math.max(0, end - start),
      nearestAnchor(anchors.current, start),
    );
    return { start, items };
  }, [db, key, now, start, end]);

  // Remember a key every ANCHOR_EVERY rows of what was read, for the next window.
  useEffect(() => {
    if (!window || anchorsFor.current !== key) return;
    window.items.forEach((item, i) => {
      const next = window.start + i + 1;
      if (next % ANCHOR_EVERY === 0) anchors.current.set(next, keyOf(item));
    });
  }, [window, key]);
  return window;
}
