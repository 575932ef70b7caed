export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summary(name: string, values: number[], unit = 'ms'): string {
  return `${name.padEnd(40)} p50 ${percentile(values, 50).toFixed(2).padStart(8)} ${unit}  p99 ${percentile(values, 99).toFixed(2).padStart(8)} ${unit}  max ${Math.max(
    ...values,
  )
    .toFixed(2)
    .padStart(8)} ${unit}  (n=${values.length})`;
}
