// Summaries of timing samples for the benchmark's report.

/**
 * The nearest-rank percentile: the smallest sample with at least `p` % of the samples at or below it.
 * @param {readonly number[]} samples
 * @param {number} p 0–100
 */
export function percentile(samples, p) {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return /** @type {number} */ (sorted[rank - 1]);
}

/** @param {readonly number[]} samples */
export function summarize(samples) {
  return {
    runs: samples.length,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: samples.length ? Math.min(...samples) : Number.NaN,
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

/** Milliseconds as a person reads them: 0.42 ms, 3.1 ms, 420 ms, 12.3 s. @param {number} ms */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

/** `a / b` as "2.6×". @param {number} a @param {number} b */
export function formatRatio(a, b) {
  return b > 0 && Number.isFinite(a) ? `${(a / b).toFixed(1)}×` : '–';
}
