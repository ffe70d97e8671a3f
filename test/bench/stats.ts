/** Small helpers for the benchmarks: they print figures, they assert nothing. */
export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function report(title: string, rows: [label: string, medianMs: number, p95Ms: number | null][]): void {
  console.log(`\n== ${title}`);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, med, p95] of rows) {
    console.log(`  ${label.padEnd(width)}  ${med.toFixed(1).padStart(8)} ms${p95 === null ? '' : `   p95 ${p95.toFixed(1)} ms`}`);
  }
}
