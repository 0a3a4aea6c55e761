import type { Backup, MergeReport } from '../shared/backup-schemas';
import type { AppInfo, CommandInput, CommandName, CommandOutput, CoreHandlers } from '../shared/contract';
import type { InboxItem, UpdateInput } from '../shared/schemas';
import type { WorkingCalendar } from '../shared/working-time';
import type { CoreEvents } from './events';
import type { IngestResult } from './inbox/ingest-service';

export const UPDATE_LIST_STATUSES = ['held', 'recent', 'all'] as const;
export type UpdateListStatus = (typeof UPDATE_LIST_STATUSES)[number];

/**
 * What the local HTTP API (and through it scripts and the CLI) asks of the core beyond the window's
 * commands. Not in the window's contract: a renderer cannot reach them. The API validates each
 * input with the shared schemas before it calls.
 */
export interface LocalApiHandlers {
  'updates:ingest'(updates: readonly UpdateInput[]): Promise<IngestResult[]>;
  /**
   * Newest first by the core's own sequence (not the wall clock, which can be set back); `before`
   * pages on from a `nextBefore` cursor, so every item can be listed exactly once.
   */
  'updates:list'(query: { status: UpdateListStatus; limit: number; before?: number }): Promise<{
    total: number;
    items: { item: InboxItem; held: boolean; seq: number }[];
    nextBefore: number | null;
  }>;
  /** False when the core does not know the id. */
  'updates:retract'(query: { id: string }): Promise<{ retracted: boolean }>;
  'backup:export'(): Promise<Backup>;
  'backup:import'(raw: unknown): Promise<{ report: MergeReport; settingsVersion: number }>;
  /** The working calendar the core computes with: hours, holidays and the zone in force. */
  'calendar:get'(): Promise<WorkingCalendar>;
}

export type AllHandlers = CoreHandlers & LocalApiHandlers;

/**
 * The core as hosts, the API, the tray and the CLI see it: commands, events and a lifecycle. Nothing
 * else of the core is reachable: every change goes through a handler.
 */
export interface Core {
  /** Every command, typed: the window's (from the contract) and the local API's. */
  readonly handlers: AllHandlers;
  /** A window command from an untrusted caller: validated with the contract, LullError on refusal. */
  invoke<C extends CommandName>(command: C, payload: CommandInput<C>): Promise<CommandOutput<C>>;
  readonly events: CoreEvents;
  /** The current API token; read on every check, since rotation replaces it. */
  token(): string;
  /** The host tells the core where its HTTP API listens, once it does. */
  setApiUrl(url: string): void;
  /** The desktop host reports whether the global shortcut could be registered. */
  setShortcutStatus(status: AppInfo['shortcut']): void;
  /**
   * Starts what acts on its own (releases, including one a crash interrupted, snooze wake-ups,
   * sources). Hosts call it once their notifiers listen, so nothing is announced to nobody.
   */
  start(): Promise<void>;
  /** Re-reads the clock and the system's zone: resume, unlock, a zone change, a clock jump. */
  recompute(): void;
  /** Stops every service, in the reverse order of creation; nothing is written after it resolves. */
  close(): Promise<void>;
}
