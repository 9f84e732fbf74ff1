import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits (polling every 15 s) until the 1-minute load average is below `threshold`, at most
 * `maxSeconds`; returns the load average it stopped at. The machine is shared: a run on a busy
 * box measures the neighbours.
 */
export async function waitForIdle(options: {
  maxSeconds: number;
  threshold?: number;
  log: (line: string) => void;
}): Promise<number> {
  const threshold = options.threshold ?? 1;
  const deadline = Date.now() + options.maxSeconds * 1000;
  for (;;) {
    const [oneMinute = 0] = loadavg();
    if (oneMinute < threshold || Date.now() >= deadline) return oneMinute;
    options.log(`load average ${oneMinute.toFixed(2)} ≥ ${threshold}; waiting`);
    await sleep(15_000);
  }
}
