import { OctoProxyError } from '@octoproxy/converters/errors';

import { fullJitterDelay } from '../account/backoff';
import { DeadlineExceededError } from '../errors/deadline-exceeded-error';
import { NoEligibleAccountError } from '../errors/no-eligible-account-error';
import { RequestAbortedError } from '../errors/request-aborted-error';
import { sleep } from '../ports/clock';
import type { PoolRuntime } from '../pool-runtime';
import { acquireAccount } from '../selection/acquire-account';
import type { Lease } from './lease';
import { runAttempt, type AttemptFunction, type AttemptReport } from './run-attempt';

export interface PoolRunOptions<T> {
  /**
   * The attempt: start the upstream call on `context.account` and resolve once the first upstream event
   * has arrived (the commit point), with whatever the caller needs to stream the rest. Reject for any
   * failure before that; the pool decides whether another account gets a try.
   */
  attempt: AttemptFunction<T>;
  /** The model id, in the same id space as allow-lists and entitlements; omit for "any account". */
  model?: string | undefined;
  /** Conversation key (see `deriveStickyKey`); omit to route without affinity. */
  stickyKey?: string | undefined;
  /** The client's signal: aborting ends the request at once and never blames an account. */
  signal?: AbortSignal | undefined;
  /** Epoch ms by which a first event must have arrived; defaults to now + `requestTimeoutMs`. */
  deadline?: number | undefined;
  requestId?: string | undefined;
  /** Receives a value that resolved after the pool gave up on its attempt, so it can be closed. */
  discard?: ((value: T) => void) | undefined;
  /** Told how each attempt ended (which account, success or why not, how long), in order. */
  onAttempt?: ((report: AttemptReport) => void) | undefined;
}

export interface PoolRunResult<T> {
  value: T;
  /** Settle it exactly once when the stream ends: `succeed`, `fail(error)` or `abort()`. */
  lease: Lease;
  account: { id: string; label: string };
  /** Attempts made, including the successful one. */
  attempts: number;
}

const neverAborted = new AbortController().signal;

/**
 * One request as attempts on different accounts: bounded by `maxAttempts`, the retry budget, the
 * deadline and the client's signal. Before the commit point any retryable failure moves on to another
 * account; client errors are returned at once. Once an attempt resolves the pool never retries.
 */
export async function runWithFailover<T>(
  runtime: PoolRuntime,
  options: PoolRunOptions<T>,
): Promise<PoolRunResult<T>> {
  const startedAt = runtime.now();
  const deadline = options.deadline ?? startedAt + runtime.settings().requestTimeoutMs;
  const signal = options.signal ?? neverAborted;
  const { requestId } = options;
  const tried = new Set<string>();
  let lastError: unknown;
  let attempt = 0;
  let attemptsMade = 0;
  let committed = false;
  runtime.budget.requestStarted();
  try {
    for (;;) {
      attempt += 1;
      if (signal.aborted) throw new RequestAbortedError({ cause: signal.reason });
      if (runtime.now() >= deadline) {
        throw new DeadlineExceededError({ attempts: attemptsMade, cause: lastError });
      }
      const settings = runtime.settings();
      const isRetry = attempt > 1;
      if (isRetry && attempt > settings.maxAttempts) throw lastError;
      if (isRetry && !runtime.budget.tryStartRetry(settings.retryBudget)) {
        runtime.emit({
          type: 'retry_budget_exhausted',
          retriesInFlight: runtime.budget.retriesInFlight,
          limit: runtime.budget.limit(settings.retryBudget),
          requestId,
        });
        throw lastError;
      }
      try {
        const { entry, sticky, queuedMs, panic } = await acquireAccount(runtime, {
          model: options.model,
          stickyKey: options.stickyKey,
          exclude: tried,
          deadline,
          signal,
          lastError,
        });
        tried.add(entry.config.id);
        attemptsMade += 1;
        runtime.emit({
          type: 'account_selected',
          accountId: entry.config.id,
          attempt,
          model: options.model,
          sticky,
          queuedMs,
          requestId,
        });
        if (panic !== undefined) {
          runtime.emit({
            type: 'panic_routed',
            accountId: entry.config.id,
            attempt,
            model: options.model,
            ejectedUntil: panic.ejectedUntil,
            unavailable: panic.unavailable,
            requestId,
          });
        }
        const outcome = await runAttempt(runtime, {
          entry,
          attempt,
          deadline,
          signal,
          requestId,
          run: options.attempt,
          discard: options.discard,
          report: options.onAttempt,
        });
        if (outcome.ok) {
          committed = true;
          runtime.emit({
            type: 'request_committed',
            accountId: entry.config.id,
            attempts: attempt,
            elapsedMs: runtime.now() - startedAt,
            requestId,
          });
          const account = { id: entry.config.id, label: entry.config.label };
          return { value: outcome.value, lease: outcome.lease, account, attempts: attempt };
        }
        lastError = outcome.error;
        runtime.emit({
          type: 'attempt_failed',
          accountId: entry.config.id,
          attempt,
          failure: outcome.failure,
          willRetry: attempt < settings.maxAttempts,
          requestId,
        });
        if (outcome.failure.failureClass === 'transient') {
          await pauseBeforeRetry(runtime, { attempt, deadline, signal });
        }
      } finally {
        if (isRetry) runtime.budget.retryEnded();
      }
    }
  } catch (error) {
    reportFailure(runtime, { error, attempts: attemptsMade, model: options.model, requestId });
    throw error;
  } finally {
    if (!committed) runtime.budget.requestEnded();
  }
}

/** Full-jitter pause after a transient failure: a brief breather if the whole upstream hiccupped. */
async function pauseBeforeRetry(
  runtime: PoolRuntime,
  options: { attempt: number; deadline: number; signal: AbortSignal },
): Promise<void> {
  const { retryBackoff } = runtime.settings();
  const delayMs = Math.min(
    fullJitterDelay({ ...retryBackoff, step: options.attempt, random: runtime.random }),
    Math.max(0, options.deadline - runtime.now()),
  );
  if (delayMs <= 0) return;
  try {
    await sleep(runtime.clock, { delayMs, signal: options.signal });
  } catch (error) {
    throw new RequestAbortedError({ cause: error });
  }
}

function reportFailure(
  runtime: PoolRuntime,
  options: {
    error: unknown;
    attempts: number;
    model: string | undefined;
    requestId: string | undefined;
  },
): void {
  const { error, requestId } = options;
  if (error instanceof NoEligibleAccountError) {
    runtime.emit({
      type: 'no_eligible_account',
      reason: error.reason,
      model: options.model,
      retryAfterSeconds: error.retryAfterSeconds,
      requestId,
    });
  }
  runtime.emit({
    type: 'request_failed',
    attempts: options.attempts,
    code: OctoProxyError.isInstance(error) ? error.code : 'unexpected_error',
    message: error instanceof Error ? error.message : String(error),
    requestId,
  });
}
