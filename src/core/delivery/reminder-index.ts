import type { InboxItem } from '../../shared/schemas';
import type { ItemStore } from '../inbox/item-store';
import type { Journal } from '../journal/journal';
import type { Clock } from '../ports';

interface Entry {
  at: number;
  id: string;
  deadline: number;
}

export interface ReminderIndex {
  /** Computes every reminder time again from the store (start, settings changes). */
  rebuild(): void;
  /** Takes in the items journaled since the last look: new items, moved deadlines, retractions. */
  catchUp(): void;
  /** The items whose reminder time is at or before `limit` and whose deadline is still after `now`. */
  dueBy(limit: number, now: number): { item: InboxItem; at: number }[];
  /** The earliest reminder time after `limit`, or null. */
  nextAfter(limit: number): number | null;
}

/**
 * When each item is to be reminded of, as a min-heap by reminder time (stale entries are skipped when
 * they surface), plus the few items whose time has come. A wake costs the items in their window, not
 * every item remembered; the journal's tail says what changed.
 */
export function createReminderIndex(options: {
  reminderAt: (item: InboxItem) => number | null;
  journal: Pick<Journal, 'entries' | 'lastSeq'>;
  store: Pick<ItemStore, 'items' | 'get'>;
  clock: Clock;
}): ReminderIndex {
  const { journal, store } = options;
  const current = new Map<string, Entry>();
  const window = new Map<string, Entry>();
  let heap: Entry[] = [];
  let seenSeq = 0;

  function push(entry: Entry): void {
    heap.push(entry);
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (heap[parent]!.at <= heap[i]!.at) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  }

  function pop(): Entry | undefined {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let min = i;
        if (l < heap.length && heap[l]!.at < heap[min]!.at) min = l;
        if (r < heap.length && heap[r]!.at < heap[min]!.at) min = r;
        if (min === i) break;
        [heap[min], heap[i]] = [heap[i]!, heap[min]!];
        i = min;
      }
    }
    return top;
  }

  const live = (entry: Entry) => current.get(entry.id) === entry;

  function set(item: InboxItem, now: number): void {
    const known = current.get(item.id);
    if (known && known.deadline === item.deadline) return;
    const at = item.deadline > now ? options.reminderAt(item) : null;
    window.delete(item.id);
    if (at === null) {
      current.delete(item.id);
      return;
    }
    const entry = { at, id: item.id, deadline: item.deadline };
    current.set(item.id, entry);
    push(entry);
    // Replaced entries stay in the heap until they surface: rebuild once they outnumber the live.
    if (heap.length > 2 * current.size + 1_000) heap = [...current.values()].sort((a, b) => a.at - b.at);
  }

  function drain(limit: number): void {
    while (heap.length > 0 && heap[0]!.at <= limit) {
      const entry = pop()!;
      if (live(entry)) window.set(entry.id, entry);
    }
  }

  function rebuild(): void {
    const now = options.clock.now();
    current.clear();
    window.clear();
    heap = [];
    for (const item of store.items()) set(item, now);
    seenSeq = journal.lastSeq();
  }

  return {
    rebuild,
    catchUp() {
      const last = journal.lastSeq();
      if (last <= seenSeq) return;
      const entries = journal.entries();
      let start = entries.length;
      while (start > 0 && entries[start - 1]!.seq > seenSeq) start--;
      // Entries after the last look were compacted away before it: look at everything again.
      if (start === 0 && entries.length > 0 && entries[0]!.seq > seenSeq + 1) return rebuild();
      const now = options.clock.now();
      for (const entry of entries.slice(start)) {
        if (entry.kind === 'item') set(entry.item, now);
        else if (entry.kind === 'retract') {
          current.delete(entry.id);
          window.delete(entry.id);
        }
      }
      seenSeq = last;
    },
    dueBy(limit, now) {
      drain(limit);
      const due: { item: InboxItem; at: number }[] = [];
      for (const [id, entry] of window) {
        const item = store.get(id);
        if (!item || item.deadline <= now || !live(entry)) window.delete(id);
        else due.push({ item, at: entry.at });
      }
      return due;
    },
    nextAfter(limit) {
      drain(limit);
      while (heap.length > 0 && !live(heap[0]!)) pop();
      return heap[0]?.at ?? null;
    },
  };
}
