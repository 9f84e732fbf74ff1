/** Microseconds, in µs below 10 ms and in ms above (signed when `signed`). */
export function formatUs(us: number, signed = false): string {
  if (!Number.isFinite(us)) return 'n/a';
  const sign = signed && us > 0 ? '+' : '';
  if (Math.abs(us) < 10_000) return `${sign}${Math.round(us)} µs`;
  return `${sign}${(us / 1000).toFixed(Math.abs(us) < 100_000 ? 1 : 0)} ms`;
}

export function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** A markdown table from a header row and body rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const align = header.map((_, index) => (index === 0 ? '---' : '--:'));
  return [line(header), line(align), ...rows.map(line)].join('\n');
}
