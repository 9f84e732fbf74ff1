import { InternalError, type AnthropicStreamEvent } from '@octoproxy/converters';
import { KiroUpstreamError, type KiroClient, type KiroResponse } from '@octoproxy/kiro';
import type { Lease, Pool } from '@octoproxy/pool';
import type { Storage } from '@octoproxy/storage';

import type {
  MessageBackend,
  OpenedStream,
  UpstreamAttempt,
  UpstreamSummary,
} from '../../proxy/message-backend';
import type { StoredKiroAccounts } from './stored-kiro-accounts';

interface FirstEvent {
  response: KiroResponse;
  reader: ReadableStreamDefaultReader<AnthropicStreamEvent>;
  first: AnthropicStreamEvent;
}

/**
 * Requests through the pool to the Kiro client. An attempt counts as committed only once the first
 * event has arrived, so any failure before it moves to another account. The rest of the stream is
 * relayed as read; how it ends settles the account's lease: finished → success, failed → the
 * failure counts against the account, cancelled by the client → no blame.
 */
export function kiroBackend(options: {
  pool: Pool;
  kiro: KiroClient;
  accounts: StoredKiroAccounts;
  storage: Storage;
}): MessageBackend {
  const { pool, kiro, accounts, storage } = options;
  return {
    async open(request, context): Promise<OpenedStream> {
      const run = await pool.run<FirstEvent>({
        model: request.model,
        stickyKey: context.stickyKey,
        signal: context.signal,
        requestId: context.requestId,
        attempt: async ({ account, signal }) => {
          const response = await kiro.generateAssistantResponse({
            account: await accounts.load(account.id),
            request,
            signal,
            sessionId: context.sessionId,
            inputTokens: context.inputTokens,
          });
          const reader = response.events.getReader();
          const first = await reader.read();
          if (first.done) {
            throw new KiroUpstreamError({
              reason: 'corrupt_stream',
              message: 'The upstream closed the stream before sending anything.',
            });
          }
          return { response, reader, first: first.value };
        },
        discard: (value) => void value.reader.cancel().catch(() => undefined),
        onAttempt: (report) =>
          context.attemptLog.push({
            accountId: report.accountId,
            outcome: report.outcome,
            reason: report.reason,
            message: report.message,
            durationMs: Math.round(report.durationMs),
          }),
      });
      storage.accounts.recordUse({ accountId: run.account.id });
      const { response, reader, first } = run.value;
      let cancelled = false;
      // After the commit point the pool no longer watches the request's signal: a client that goes
      // away must close the upstream connection here, at once, not when the next frame arrives.
      const onAbort = () => {
        cancelled = true;
        void reader.cancel(context.signal.reason).catch(() => undefined);
      };
      if (context.signal.aborted) onAbort();
      else context.signal.addEventListener('abort', onAbort, { once: true });
      const events = new ReadableStream<AnthropicStreamEvent>(
        {
          start(controller) {
            controller.enqueue(first);
          },
          async pull(controller) {
            try {
              const next = await reader.read();
              if (next.done) controller.close();
              else controller.enqueue(next.value);
            } catch (error) {
              controller.error(error);
            }
          },
          cancel(reason) {
            cancelled = true;
            return reader.cancel(reason);
          },
        },
        { highWaterMark: 0 },
      );
      const summary = response.metadata.then((result): UpstreamSummary => {
        context.signal.removeEventListener('abort', onAbort);
        settleLease(run.lease, {
          cancelled,
          error: result.error,
          signal: context.signal,
          credits: result.credits,
        });
        if (result.error !== undefined && !cancelled && !context.signal.aborted) {
          noteStreamFailure(context.attemptLog, result.error);
        }
        return {
          upstreamInputTokens:
            result.inputTokensSource === 'estimate' ? undefined : result.inputTokens,
          credits: result.credits,
        };
      });
      return {
        events,
        accountId: run.account.id,
        attempts: run.attempts,
        summary,
        adaptations: response.adaptations,
      };
    },
  };
}

function settleLease(
  lease: Lease,
  outcome: { cancelled: boolean; error: unknown; signal: AbortSignal; credits: number | undefined },
): void {
  if (outcome.cancelled || outcome.signal.aborted) lease.abort();
  else if (outcome.error !== undefined) lease.fail(outcome.error);
  else lease.succeed({ creditsUsed: outcome.credits });
}

/** The committed attempt's stream broke after its first event: the log says so, and why. */
function noteStreamFailure(attemptLog: UpstreamAttempt[], error: unknown): void {
  const last = attemptLog.at(-1);
  if (last?.outcome !== 'success') return;
  const reason = (error as { reason?: unknown }).reason;
  last.outcome = 'stream_failed';
  last.reason = typeof reason === 'string' ? reason : null;
  last.message = InternalError.from(error).message;
}
