import { createContext } from 'react';
import type { LullClient } from '../api/connection';
import type { LullDb } from '../db/lull-db';

export interface Services {
  readonly client: LullClient;
  readonly db: LullDb;
}

/** Filled once by main.tsx; components reach the API and the database only through it. */
export const ServicesContext = createContext<Services | null>(null);
