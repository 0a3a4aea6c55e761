import type { StateCreator } from 'zustand';
import type { ConnectionState } from '../api/connection';
import type { LullStore } from './store';

export interface ConnectionSlice {
  /** Mirrors the client's link to the core; the header shows it when not online. */
  connection: ConnectionState;
  setConnection(state: ConnectionState): void;
}

export const createConnectionSlice: StateCreator<LullStore, [], [], ConnectionSlice> = (set) => ({
  connection: 'connecting',
  setConnection: (connection) => set({ connection }),
});
