import path from 'node:path';
import { readFileIfExists, writeFileAtomic } from '../lib/atomic-file';
import { createSerialQueue } from '../lib/serial';
import type { Logger } from '../ports';

export const CURSORS_FILE = 'source-cursors.json';

export interface CursorStore {
  get(id: string): unknown;
  set(id: string, cursor: unknown): Promise<void>;
  delete(id: string): Promise<void>;
  /** Resolves once every write asked for so far has landed. */
  flush(): Promise<void>;
}

/**
 * Where each source left off (ETag, Last-Modified, seen ids, UIDVALIDITY and UIDs), one JSON file in
 * the data dir, replaced atomically. An unreadable file only costs a re-poll from scratch.
 */
export async function openCursorStore(dataDir: string, logger: Logger): Promise<CursorStore> {
  const file = path.join(dataDir, CURSORS_FILE);
  let cursors: Record<string, unknown> = {};
  const text = await readFileIfExists(file);
  if (text !== null) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) cursors = parsed as typeof cursors;
    } catch {
      logger.warn(`${CURSORS_FILE} was unreadable; sources start over from their current contents`);
    }
  }
  const saving = createSerialQueue();
  // Each write saves the latest state, so a burst of changes costs at most one stale write.
  const save = () => saving(() => writeFileAtomic(file, JSON.stringify(cursors)));

  return {
    get: (id) => cursors[id],
    async set(id, cursor) {
      cursors = { ...cursors, [id]: cursor };
      await save();
    },
    async delete(id) {
      if (!(id in cursors)) return;
      const { [id]: _gone, ...rest } = cursors;
      cursors = rest;
      await save();
    },
    flush: () => saving(async () => {}),
  };
}
