import { useEffect, useState } from 'react';

export interface Clock {
  readonly now: number;
  /** The user's IANA zone, re-read on each tick so a zone change shows up without a reload. */
  readonly zone: string;
}

const read = (): Clock => ({ now: Date.now(), zone: Intl.DateTimeFormat().resolvedOptions().timeZone });

/** The one place the UI reads the clock: ticks every 30 s, and at once when the window comes back. */
export function useClock(intervalMs = 30_000): Clock {
  const [clock, setClock] = useState(read);
  useEffect(() => {
    const tick = () => setClock(read());
    const timer = setInterval(tick, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', tick);
    };
  }, [intervalMs]);
  return clock;
}
