import type { AccountEntry } from '../account/account-entry';
import { recordFailure } from '../account/record-failure';
import { recordCommit } from '../account/record-success';
import { DeadlineExceededError } from '../errors/deadline-exceeded-error';
import { RequestAbortedError } from '../errors/request-aborted-error';
import type { FailureClassification } from '../failure/failure-class';
import type { PoolRuntime } from '../pool-runtime';
import { Lease } from './lease';
import { raceSignal } from './race-signal';

/** What an attempt function receives. */
export interface AttemptContext {
  account: { id: string; label: string };
  /** 1 for the first attempt of the request. */
  attempt: number;
  /** Aborts on client abort, at the request deadline, or at the per-attempt timeout. Pass it upstream. */
  signal: AbortSignal;
}

export type AttemptFunction<T> = (context: AttemptContext) => Promise<T>;

/** How one attempt of a request ended, for the request log. */
export interface AttemptReport {
  accountId: string;
  label: string;
  /** 1 for the first attempt of the request. */
  attempt: number;
  /** `success` (the first event arrived), a failure class, `aborted` or `deadline`. */
  outcome: 'success' | FailureClassification['failureClass'] | 'deadline';
  /** The failure reason (e.g. `unknown_host`); null on success. */
  reason: string | null;
  /** A safe one-line description of the failure; null on success. */
  message: string | null;
  durationMs: number;
}

export type AttemptOutcome<T> =
  | { ok: true; value: T; lease: Lease }
  | { ok: false; error: unknown; failure: FailureClassification };

/**
 * Runs one attempt on an account that already holds a slot. On success (the attempt resolved: the first
 * upstream event arrived) the slot moves into a {@link Lease}. On failure the slot is released and the
 * failure is applied to the account; client, gateway and abort failures are thrown instead, untouched.
 */
export async function runAttempt<T>(
  runtime: PoolRuntime,
  options: {
    entry: AccountEntry;
    attempt: number;
    deadline: number;
    signal: AbortSignal;
    requestId: string | undefined;
    run: AttemptFunction<T>;
    discard: ((value: T) => void) | undefined;
    report?: ((report: AttemptReport) => void) | undefined;
  },
): Promise<AttemptOutcome<T>> {
  const { entry, attempt, deadline, signal } = options;
  const settings = runtime.settings();
  const now = runtime.now();
  const report = (
    outcome: AttemptReport['outcome'],
    failure: { reason: string; message: string } | null,
  ): void =>
    options.report?.({
      accountId: entry.config.id,
      label: entry.config.label,
      attempt,
      outcome,
      reason: failure?.reason ?? null,
      message: failure?.message ?? null,
      durationMs: Math.max(0, runtime.now() - now),
    });
  const attemptDeadline =
    settings.attemptTimeoutMs > 0 ? Math.min(deadline, now + settings.attemptTimeoutMs) : deadline;
  const timeoutKind = attemptDeadline < deadline ? 'attempt' : 'deadline';
  const controller = new AbortController();
  let timedOut: 'attempt' | 'deadline' | undefined;
  const timer = runtime.clock.setTimeout(() => {
    timedOut = timeoutKind;
    controller.abort(new DOMException('The attempt timed out.', 'TimeoutError'));
  }, attemptDeadline - now);
  const onRequestAbort = () => controller.abort(signal.reason);
  if (signal.aborted) onRequestAbort();
  else signal.addEventListener('abort', onRequestAbort, { once: true });

  try {
    const pending = Promise.resolve().then(() =>
      options.run({
        account: { id: entry.config.id, label: entry.config.label },
        attempt,
        signal: controller.signal,
      }),
    );
    const value = await raceSignal(pending, {
      signal: controller.signal,
      discard: options.discard,
    });
    recordCommit(entry);
    runtime.commit(entry, []);
    report('success', null);
    return { ok: true, value, lease: new Lease(runtime, entry, options.requestId) };
  } catch (error) {
    runtime.releaseSlot(entry);
    if (signal.aborted) {
      report('aborted', { reason: 'client_aborted', message: 'The client went away.' });
      throw new RequestAbortedError({ cause: error });
    }
    if (timedOut === 'deadline') {
      const deadlineError = new DeadlineExceededError({ attempts: attempt, cause: error });
      report('deadline', { reason: 'deadline', message: deadlineError.message });
      throw deadlineError;
    }
    const failure: FailureClassification =
      timedOut === 'attempt'
        ? {
            failureClass: 'transient',
            reason: 'first_byte_timeout',
            message: `No first event within ${settings.attemptTimeoutMs} ms.`,
          }
        : runtime.classify(error);
    report(failure.failureClass, failure);
    switch (failure.failureClass) {
      case 'client':
      case 'gateway':
        throw error;
      case 'aborted':
        throw new RequestAbortedError({ cause: error });
      case 'capacity':
      case 'rate_limited':
      case 'quota_exhausted':
      case 'quarantine':
      case 'auth':
      case 'misconfigured':
      case 'transient':
        break;
    }
    runtime.commit(entry, recordFailure(entry, failure, runtime.transitionContext()), {
      urgent: true,
    });
    return { ok: false, error, failure };
  } finally {
    timer.cancel();
    signal.removeEventListener('abort', onRequestAbort);
  }
}
