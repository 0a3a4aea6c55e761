import { HOUR_MS } from '../../shared/channels';

export const MAX_BACKOFF_MS = HOUR_MS;

/**
 * How long a source that failed `failures` times in a row waits: its poll interval doubled per
 * failure, capped at an hour, then spread ±25% so sources that failed together (the network went
 * away) do not all come back in the same instant.
 */
export function backoffDelay(failures: number, intervalMs: number, random: () => number): number {
  const exponential = Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.max(0, failures - 1));
  return Math.round(Math.min(MAX_BACKOFF_MS, exponential * (0.75 + random() * 0.5)));
}

/** A small seeded generator (mulberry32) for reproducible jitter in tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
