export interface Summary {
  readonly runs: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
}
export function percentile(samples: readonly number[], p: number): number;
export function summarize(samples: readonly number[]): Summary;
export function formatMs(ms: number): string;
export function formatRatio(a: number, b: number): string;
