import type { AccountEntry } from '../account/account-entry';
import type { IneligibleReason } from '../account/eligibility';
import { RequestAbortedError } from '../errors/request-aborted-error';
import type { StickyOutcome } from '../events/pool-events';
import type { PoolRuntime } from '../pool-runtime';
import { explainNoEligible } from './explain-no-eligible';
import { selectAccount, type BlockedAccount } from './select-account';
import { selectPanicAccount, type PanicSelection } from './select-panic-account';

const waitableReasons = new Set<IneligibleReason>(['at_capacity', 'paced']);

function isWaitable(blocked: BlockedAccount): boolean {
  return waitableReasons.has(blocked.ineligibility.reason);
}

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

export interface AcquiredAccount {
  entry: AccountEntry;
  sticky: StickyOutcome;
  queuedMs: number;
  /** Set when panic routing chose the account (it is ejected). */
  panic: PanicSelection | undefined;
}

/**
 * Chooses the account for the next attempt. Accounts this request has not tried come first. When none
 * of them is eligible but one is merely busy (concurrency cap, pacing), an account this request already
 * tried gets another turn if it is still eligible (its failure did not take it out, e.g. a network
 * blip), else the request waits for a slot (bounded by the queue timeout, the queue length and the
 * deadline). When none is busy, or the wait is over, an ejected account not yet tried takes it (panic
 * routing) before an account already tried. Otherwise throws {@link explainNoEligible}'s error.
 */
export async function acquireAccount(
  runtime: PoolRuntime,
  options: AcquireOptions,
): Promise<AcquiredAccount> {
  const startedAt = runtime.now();
  const panic = (blocked: readonly BlockedAccount[]): AcquiredAccount | undefined => {
    const selection = selectPanicAccount(runtime, {
      model: options.model,
      exclude: options.exclude,
      blocked,
    });
    if (selection === null) return undefined;
    const queuedMs = runtime.now() - startedAt;
    return { entry: selection.entry, sticky: 'none', queuedMs, panic: selection };
  };
  for (;;) {
    const untried = selectAccount(runtime, options);
    const now = runtime.now();
    if (untried.ok) return { ...untried, queuedMs: now - startedAt, panic: undefined };

    // Nothing not yet tried can take it now or soon: an ejected account beats one that just failed.
    const busyUntried = untried.blocked.some(
      (blocked) => isWaitable(blocked) && !options.exclude.has(blocked.entry.config.id),
    );
    const panicked = busyUntried ? undefined : panic(untried.blocked);
    if (panicked !== undefined) return panicked;

    // One this request tried gets another turn if its failure did not take it out (a network blip).
    const retry = untried.blocked.some(isAlreadyTried)
      ? selectAccount(runtime, { ...options, exclude: new Set() })
      : untried;
    if (retry.ok) return { ...retry, queuedMs: now - startedAt, panic: undefined };

    const settings = runtime.settings();
    const waitUntil = Math.min(startedAt + settings.concurrency.queueTimeoutMs, options.deadline);
    const busy = retry.blocked.filter(isWaitable);
    if (
      busy.length > 0 &&
      now < waitUntil &&
      runtime.capacity.waiting < settings.concurrency.maxQueued
    ) {
      await waitForCapacity(runtime, { busy, waitUntil, signal: options.signal });
      continue;
    }
    // The wait is over (or impossible): an ejected account beats failing the request.
    const lastResort = busyUntried ? panic(untried.blocked) : undefined;
    if (lastResort !== undefined) return lastResort;
    throw explainNoEligible({
      blocked: retry.blocked,
      model: options.model,
      now,
      cause: options.lastError,
    });
  }
}

/** Waits until a slot or pacing budget may have freed up (or the wait window ends). */
async function waitForCapacity(
  runtime: PoolRuntime,
  options: { busy: readonly BlockedAccount[]; waitUntil: number; signal: AbortSignal },
): Promise<void> {
  const pacedUntil = options.busy
    .map(({ ineligibility }) => ineligibility.until)
    .filter((until): until is number => until !== undefined);
  try {
    await runtime.capacity.wait({
      clock: runtime.clock,
      until: Math.min(options.waitUntil, ...pacedUntil),
      signal: options.signal,
    });
  } catch (error) {
    throw new RequestAbortedError({ cause: error });
  }
}
