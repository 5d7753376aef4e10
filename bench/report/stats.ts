// Summaries of repeated timings.

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** Nearest-rank percentile on a sorted copy; p95 of 20 values is the 19th smallest. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) * q;
  const low = Math.floor(mid);
  const high = Math.ceil(mid);
  return (sorted[low] + sorted[high]) / 2;
}

/** The median over runs of a per-run figure, skipping runs that did not produce it. */
export function medianOf<T>(runs: T[], pick: (run: T) => number | undefined): number | undefined {
  const values = runs.map(pick).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return values.length > 0 ? median(values) : undefined;
}

export function ratio(ours: number | undefined, theirs: number | undefined): number | undefined {
  if (ours === undefined || theirs === undefined || theirs === 0) return undefined;
  return ours / theirs;
}
