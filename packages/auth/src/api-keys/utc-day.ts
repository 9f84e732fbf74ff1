const dayMs = 86_400_000;

/** The UTC calendar day of an instant, `YYYY-MM-DD`: the unit of daily limits. */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Seconds from an instant to the next UTC midnight, when daily counters start over. */
export function secondsUntilNextUtcDay(epochMs: number): number {
  const nextMidnight = (Math.floor(epochMs / dayMs) + 1) * dayMs;
  return Math.ceil((nextMidnight - epochMs) / 1000);
}
