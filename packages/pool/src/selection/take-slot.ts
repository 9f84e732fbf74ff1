import type { AccountEntry } from '../account/account-entry';
import { pacingBudget } from '../account/eligibility';
import { recordAttemptStart } from '../account/record-success';
import type { PoolRuntime } from '../pool-runtime';

/** Takes a concurrency slot and pacing budget on the chosen account and records the attempt start. */
export function takeSlot(runtime: PoolRuntime, entry: AccountEntry): void {
  const settings = runtime.settings();
  const now = runtime.now();
  entry.inFlight += 1;
  entry.pacer.consume(pacingBudget(entry, settings), {
    now,
    jitter: settings.pacing.jitter,
    random: runtime.random,
  });
  recordAttemptStart(entry, now);
  runtime.commit(entry, []);
}
