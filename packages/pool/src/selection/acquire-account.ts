import type { AccountEntry } from '../account/account-entry';
import type { IneligibleReason } from '../account/eligibility';
import { RequestAbortedError } from '../errors/request-aborted-error';
import type { StickyOutcome } from '../events/pool-events';
import type { PoolRuntime } from '../pool-runtime';
import { explainNoEligible } from './explain-no-eligible';
import { selectAccount, type BlockedAccount } from './select-account';

const waitableReasons = new Set<IneligibleReason>(['at_capacity', 'paced']);

function isAlreadyTried(blocked: BlockedAccount): boolean {
  return blocked.ineligibility.reason === 'already_tried';
}

export interface AcquireOptions {
  model: string | undefined;
  stickyKey: string | undefined;
  exclude: ReadonlySet<string>;
  /** The request's deadline (epoch ms): waiting for a slot never goes past it. */
  deadline: number;
  signal: AbortSignal;
  /** The last attempt's failure, kept as the cause of a "no eligible account" error. */
  lastError: unknown;
}

/**
 * Selects an account not yet tried by this request (else, as a last resort, one that was tried and is
 * still eligible), waiting (bounded by the queue timeout, the queue length and the deadline) when the
 * only obstacles are concurrency caps or pacing; otherwise throws {@link explainNoEligible}'s error.
 */
export async function acquireAccount(
  runtime: PoolRuntime,
  options: AcquireOptions,
): Promise<{ entry: AccountEntry; sticky: StickyOutcome; queuedMs: number }> {
  const startedAt = runtime.now();
  for (;;) {
    let selection = selectAccount(runtime, options);
    if (!selection.ok && selection.blocked.some(isAlreadyTried)) {
      // Only accounts this request already tried are eligible (their failure did not take them out,
      // e.g. one network blip): another try on one of them beats failing the request.
      selection = selectAccount(runtime, { ...options, exclude: new Set() });
    }
    const now = runtime.now();
    if (selection.ok) return { ...selection, queuedMs: now - startedAt };

    const settings = runtime.settings();
    const waitUntil = Math.min(startedAt + settings.concurrency.queueTimeoutMs, options.deadline);
    const waitable = selection.blocked.filter(({ ineligibility }) =>
      waitableReasons.has(ineligibility.reason),
    );
    if (
      waitable.length === 0 ||
      now >= waitUntil ||
      runtime.capacity.waiting >= settings.concurrency.maxQueued
    ) {
      throw explainNoEligible({
        blocked: selection.blocked,
        model: options.model,
        now,
        cause: options.lastError,
      });
    }
    const pacedUntil = waitable
      .map(({ ineligibility }) => ineligibility.until)
      .filter((until): until is number => until !== undefined);
    try {
      await runtime.capacity.wait({
        clock: runtime.clock,
        until: Math.min(waitUntil, ...pacedUntil),
        signal: options.signal,
      });
    } catch (error) {
      throw new RequestAbortedError({ cause: error });
    }
  }
}
