import type { Core } from '../../core/create-core';
import { createEmitter } from '../../core/lib/emitter';
import type { Logger } from '../../core/ports';
import type { EventPayload } from '../../shared/contract';
import type { FocusStatus } from '../../shared/focus-schemas';
import type { Settings } from '../../shared/settings-schema';
import type { WorkingCalendar } from '../../shared/working-time';

/**
 * What the tray and the shortcut read synchronously, kept up to date from the core's events (Kap's
 * "main owns state, views subscribe"): the focus status, settings, held count and calendar. The core
 * stays the owner; this is a read-only copy refreshed by its handlers.
 */
export interface CoreMirror {
  focus(): FocusStatus;
  settings(): Settings;
  held(): EventPayload<'digest:changed'>;
  calendar(): WorkingCalendar;
  /** Any of the above changed. */
  onChange(listener: () => void): () => void;
  /** Reads everything again (resume, a time-zone change). */
  refresh(): Promise<void>;
  dispose(): void;
}

export async function mirrorCore(
  core: Pick<Core, 'handlers' | 'events'>,
  logger: Logger,
): Promise<CoreMirror> {
  const { handlers } = core;
  const read = async () => {
    const [focus, settings, held, calendar] = await Promise.all([
      handlers['focus:get-status'](undefined),
      handlers['settings:get'](undefined),
      handlers['digest:peek'](undefined),
      handlers['calendar:get'](),
    ]);
    return {
      focus,
      settings,
      held: { heldCount: held.heldCount, nextReleaseAt: held.nextReleaseAt },
      calendar,
    };
  };
  let state = await read();
  const emitter = createEmitter<{ changed: [] }>((error) =>
    logger.warn(`tray mirror listener failed: ${String(error)}`),
  );
  const changed = () => emitter.emit('changed');
  // An event can overtake a refresh: settings:changed starts one, and the focus engine announces the
  // new status while it reads. What an event delivered after a read began is newer than what it read.
  const delivered = { focus: 0, held: 0 };
  let reads = 0;
  const refresh = async () => {
    const current = ++reads;
    const before = { ...delivered };
    try {
      const next = await read();
      if (current !== reads) return; // a later read is on its way
      state = {
        ...next,
        focus: delivered.focus === before.focus ? next.focus : state.focus,
        held: delivered.held === before.held ? next.held : state.held,
      };
      changed();
    } catch (error) {
      logger.warn(`could not read the core's state: ${String(error)}`);
    }
  };
  const unsubscribe = [
    core.events.on('focus:changed', (focus) => {
      delivered.focus++;
      state = { ...state, focus };
      changed();
    }),
    core.events.on('digest:changed', (held) => {
      delivered.held++;
      state = { ...state, held };
      changed();
    }),
    // Settings move the calendar and can move the next summary without a digest event.
    core.events.on('settings:changed', () => void refresh()),
  ];
  return {
    focus: () => state.focus,
    settings: () => state.settings,
    held: () => state.held,
    calendar: () => state.calendar,
    onChange: (listener) => emitter.on('changed', listener),
    refresh,
    dispose() {
      for (const stop of unsubscribe) stop();
      emitter.clear();
    },
  };
}
