import { setTimeout as sleep } from 'node:timers/promises';

import type { BenchContext } from '../bench-context';
import { runClosedLoop } from '../client/closed-loop';
import { shortAnswerPrompt } from '../client/prompts';
import type { RequestSample, RunSummary } from '../client/run-recorder';
import { prepareRequest, type TargetName } from '../client/targets';
import { attemptsByRequestId, resetAllAccounts } from '../processes/gateway-admin';
import { LatencyHistogram, type LatencySummary } from '../stats/latency-histogram';

export interface S7Variant {
  /** `none`, or the simulator fault one of the three accounts answers every request with. */
  fault: 'none' | 'throttled' | 'model-overloaded';
  summary: RunSummary;
  /** Requests by the attempts the gateway made (from its request log). */
  attempts: Record<string, number>;
  /** Latency of the requests served on the first attempt, and of those that failed over. */
  firstAttempt: LatencySummary;
  failedOver: LatencySummary;
}

export interface S7Result {
  requests: number;
  direct: RunSummary;
  variants: S7Variant[];
}

async function simulatorFault(
  context: BenchContext,
  method: 'POST' | 'DELETE',
  body?: unknown,
): Promise<void> {
  const response = await fetch(`${context.simulatorControlUrl}/faults`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`simulator faults: HTTP ${response.status}`);
}

async function batch(context: BenchContext, target: TargetName, requests: number, tag: string) {
  const samples: RequestSample[] = [];
  const { recorder } = await runClosedLoop({
    dispatcher: context.dispatcher,
    concurrency: 1,
    requests,
    exchange: (index) => {
      // A new conversation each time, so the pool's LRU choice keeps coming back to account A.
      const prompt = shortAnswerPrompt({ bytes: 1024, nonce: `S7 ${tag} ${index}.` });
      return {
        prepared: prepareRequest(context.endpoints, {
          target,
          content: prompt.content,
          stream: false,
        }),
        expectedText: prompt.expectedText ?? '',
      };
    },
    onSample: (sample) => samples.push(sample),
  });
  return { summary: recorder.summary(), samples };
}

/**
 * S7: one of the gateway's three accounts answers every request with a 429 (a plain rate limit,
 * which cools the account down, or "model overloaded", which does not), non-stream 1 KB at c = 1.
 * Every request must still succeed; the request log says which ones failed over.
 */
export async function runS7(context: BenchContext): Promise<S7Result> {
  const requests = context.quick ? 40 : 300;
  const throttledAccount = context.gatewayAccountIds[0];
  await batch(context, 'messages', context.quick ? 10 : 50, 'warm-up');
  const direct = (await batch(context, 'direct', requests, 'direct')).summary;
  const variants: S7Variant[] = [];
  for (const fault of ['none', 'model-overloaded', 'throttled'] as const) {
    if (fault !== 'none') {
      await simulatorFault(context, 'POST', {
        fault: { type: fault },
        accountId: throttledAccount,
        times: 'always',
      });
    }
    const { summary, samples } = await batch(context, 'messages', requests, fault);
    await simulatorFault(context, 'DELETE');
    await resetAllAccounts(context.gateway);
    await sleep(2000); // the request log is written in batches
    const ids = new Set(samples.flatMap((s) => (s.requestId === undefined ? [] : [s.requestId])));
    const attempts = await attemptsByRequestId(context.gateway, ids);
    const first = new LatencyHistogram();
    const over = new LatencyHistogram();
    const counts: Record<string, number> = {};
    for (const sample of samples) {
      const tries = sample.requestId === undefined ? undefined : attempts.get(sample.requestId);
      const key = tries === undefined ? 'unknown' : String(tries);
      counts[key] = (counts[key] ?? 0) + 1;
      (tries !== undefined && tries > 1 ? over : first).recordMs(sample.totalMs);
    }
    variants.push({
      fault,
      summary,
      attempts: counts,
      firstAttempt: first.summary(),
      failedOver: over.summary(),
    });
    context.log(
      `S7 ${fault}: ${summary.complete}/${summary.requests} complete, attempts ${JSON.stringify(counts)}`,
    );
  }
  return { requests, direct, variants };
}
