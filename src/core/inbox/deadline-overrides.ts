import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic } from '../lib/atomic-file';
import { createSerialQueue } from '../lib/serial';
import type { Logger } from '../ports';

/** Deadlines the user chose for items, by item id: `{ "<id>": { "deadline", "source" } }`. */
export const DEADLINE_OVERRIDES_FILE = 'deadline-overrides.json';

const overrideSchema = z.object({
  deadline: z.number(),
  /** The deadline the source itself gave, restored when the user clears theirs; null: the charter's. */
  source: z.number().nullable(),
});
export type DeadlineOverride = z.output<typeof overrideSchema>;

export interface DeadlineOverrides {
  get(id: string): DeadlineOverride | undefined;
  /** Sets or (with null) clears overrides; durable when it resolves. */
  save(changes: ReadonlyMap<string, DeadlineOverride | null>): Promise<void>;
  ids(): string[];
}

/** The user's deadline overrides, in a file of their own so they outlive charter changes and re-sends. */
export async function openDeadlineOverrides(options: {
  dataDir: string;
  logger: Logger;
}): Promise<DeadlineOverrides> {
  const file = path.join(options.dataDir, DEADLINE_OVERRIDES_FILE);
  const serial = createSerialQueue();
  const overrides = new Map<string, DeadlineOverride>();

  const read = await readJsonFile(file, z.record(z.string(), overrideSchema));
  if (read.status === 'ok')
    for (const [id, override] of Object.entries(read.data)) overrides.set(id, override);
  else if (read.status === 'invalid') {
    options.logger.warn(`${DEADLINE_OVERRIDES_FILE} unreadable; items keep their charter deadlines`);
  }

  return {
    get: (id) => overrides.get(id),
    ids: () => [...overrides.keys()],
    save(changes) {
      // Applied at once so the next ingest sees them; written in order, so no older file lands last.
      for (const [id, override] of changes) {
        if (override === null) overrides.delete(id);
        else overrides.set(id, override);
      }
      return serial(() => writeFileAtomic(file, JSON.stringify(Object.fromEntries(overrides))));
    },
  };
}
