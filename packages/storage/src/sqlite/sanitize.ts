/** A count from a caller: finite, whole and not negative, else 0. Keeps one bad value from poisoning a batch. */
export function toCount(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

/** An optional measurement: finite and not negative, else null. */
export function toOptionalNumber(value: number | null | undefined): number | null {
  return value != null && Number.isFinite(value) && value >= 0 ? value : null;
}

/** An epoch-ms time from a caller, or `fallback` when it is not a finite number. */
export function toTime(value: number | undefined, fallback: () => number): number {
  return value !== undefined && Number.isFinite(value) ? Math.round(value) : fallback();
}
