import type { PowerMonitor } from 'electron';

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
