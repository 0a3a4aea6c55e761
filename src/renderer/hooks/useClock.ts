import { useEffect, useState } from 'react';
import { type ClockReading, readClock } from '../lib/clock';
import { useClockSource } from '../services/useServices';

/**
 * The clock for rendering: a reading that ticks every `intervalMs` while the page is visible and at
 * once when it comes back (visible again, or focused), so a hidden page costs nothing and never shows
 * a stale time. A countdown asks for 1 s and keeps it in the smallest component that shows one.
 */
export function useClock(intervalMs = 30_000): ClockReading {
  const source = useClockSource();
  const [clock, setClock] = useState(() => readClock(source));
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const tick = () => setClock(readClock(source));
    const start = () => {
      clearInterval(timer);
      tick();
      timer = setInterval(tick, intervalMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') start();
      else clearInterval(timer);
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', tick);
    };
  }, [source, intervalMs]);
  return clock;
}
