import type { PowerMonitor } from 'electron';
import type { Cancel, Clock, Logger } from '../../../core/ports';

const WAKE_EVENTS = ['resume', 'unlock-screen'] as const;

/**
 * Timers do not run while the machine sleeps, so on wake the focus state is recomputed from the clock
 * (a timed focus that ended while asleep ends now). Returns the function that stops listening.
 */
export function watchPowerEvents(
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>,
  onWake: () => void,
): () => void {
  const listener = () => onWake();
  for (const event of WAKE_EVENTS) powerMonitor.on(event as 'resume', listener);
  return () => {
    for (const event of WAKE_EVENTS) powerMonitor.removeListener(event as 'resume', listener);
  };
}

/** How often the system zone is read: a traveller's focus blocks move within a minute of landing. */
export const ZONE_POLL_MS = 60_000;

export interface ZoneWatch {
  /** Reads the zone now (on wake, say) and reports a change at once. */
  check(): void;
  stop(): void;
}

/**
 * Electron's powerMonitor has no time-zone event on every platform, so the system zone is polled and
 * `onChange` runs when it differs from the last reading. Limitation: V8 caches the zone behind
 * `Intl.DateTimeFormat().resolvedOptions().timeZone`; where the runtime does not learn of an OS zone
 * change, no poll can see it and the new zone applies from the next launch (or from the zone the user
 * sets in Lull's settings, which does not depend on this).
 */
export function watchTimeZone(options: {
  clock: Clock;
  readZone: () => string;
  onChange: (zone: string, previous: string) => void;
  intervalMs?: number;
}): ZoneWatch {
  let last = options.readZone();
  let cancel: Cancel | null = null;
  let stopped = false;
  const check = () => {
    const zone = options.readZone();
    if (zone === last) return;
    const previous = last;
    last = zone;
    options.onChange(zone, previous);
  };
  const tick = () => {
    check();
    if (!stopped) cancel = options.clock.setTimer(tick, options.intervalMs ?? ZONE_POLL_MS);
  };
  cancel = options.clock.setTimer(tick, options.intervalMs ?? ZONE_POLL_MS);
  return {
    check,
    stop() {
      stopped = true;
      cancel?.();
      cancel = null;
    },
  };
}

export interface ClockChangeOptions {
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>;
  clock: Clock;
  readZone: () => string;
  /** Re-read the clock and the zone: the core recomputes, the tray's mirror reads the core again. */
  recompute(): void;
  logger: Logger;
}

/**
 * Everything that moves the wall clock under a sleeping or travelling laptop: wake, unlock and a zone
 * change each recompute at once; a wake checks the zone first, as the machine may have flown. Returns
 * the function that stops watching.
 */
export function watchClockChanges(options: ClockChangeOptions): () => void {
  const { logger, recompute } = options;
  const zone = watchTimeZone({
    clock: options.clock,
    readZone: options.readZone,
    onChange: (next, previous) => {
      logger.info(`time zone changed from ${previous} to ${next}`);
      recompute();
    },
  });
  const stopPower = watchPowerEvents(options.powerMonitor, () => {
    zone.check();
    recompute();
  });
  return () => {
    stopPower();
    zone.stop();
  };
}
