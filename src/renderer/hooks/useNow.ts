import { useEffect, useState } from 'react';

/**
 * The time, re-read every `intervalMs` while the page is visible; a hidden page does not tick and
 * catches up at once when it comes back. For countdowns: keep it in the smallest component that shows one.
 */
export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      clearInterval(timer);
      setNow(Date.now());
      timer = setInterval(() => setNow(Date.now()), intervalMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') start();
      else clearInterval(timer);
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [intervalMs]);
  return now;
}
