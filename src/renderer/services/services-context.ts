import { createContext } from 'react';
import type { LullClient } from '../api/connection';
import type { ItemStateSync } from '../api/item-state-sync';
import type { LullDb } from '../db/lull-db';
import type { ClockSource } from '../lib/clock';

export interface Services {
  readonly client: LullClient;
  readonly db: LullDb;
  /** The one clock every time read in the page goes through. */
  readonly clock: ClockSource;
  /** Tells the core about done, snoozed and reopened items through the durable outbox. */
  readonly itemState: ItemStateSync;
}

/** Filled once by main.tsx; components reach the API and the database only through it. */
export const ServicesContext = createContext<Services | null>(null);
