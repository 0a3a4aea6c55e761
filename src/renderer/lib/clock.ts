/**
 * The renderer's one clock. Every time read in the renderer goes through a `ClockSource`: React code
 * through `useClock` (a reading that ticks) or the services' `clock` (a read at the moment of an act);
 * other modules take it, or `now`, as an argument. A pinned clock (a test's, Playwright's page clock)
 * then moves every part of the page together.
 */
export interface ClockSource {
  /** Epoch milliseconds. */
  now(): number;
  /** The system's IANA zone, read each time so a zone change shows up without a reload. */
  zone(): string;
}

/** One reading of the clock, passed down to what renders times. */
export interface ClockReading {
  readonly now: number;
  /** The user's IANA zone: the settings' zone when one is chosen, else the system's. */
  readonly zone: string;
}

// Read through `Date.now()` at each call rather than holding `Date.now`, so a clock installed after
// this module loaded (a test's fake timers) is the one read.
export const systemClock: ClockSource = {
  now: () => Date.now(),
  zone: () => Intl.DateTimeFormat().resolvedOptions().timeZone,
};

export const readClock = (source: ClockSource): ClockReading => ({ now: source.now(), zone: source.zone() });
