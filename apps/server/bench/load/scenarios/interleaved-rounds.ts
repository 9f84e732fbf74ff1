import { performance } from 'node:perf_hooks';

import type { BenchContext } from '../bench-context';
import { runClosedLoop } from '../client/closed-loop';
import type { Prompt } from '../client/prompts';
import { RunRecorder, type RunSummary } from '../client/run-recorder';
import { prepareRequest, type TargetName } from '../client/targets';
import { sampleProcess } from '../stats/process-stats';
import { summariseRounds, type RoundSummary } from '../stats/round-statistics';

export interface RoundTarget {
  /** A label for the report, e.g. `messages-sse`. */
  label: string;
  target: TargetName;
  stream: boolean;
}

export interface RoundsResult {
  label: string;
  /** Time to the complete answer, median of round medians (µs). */
  totalRounds: RoundSummary;
  /** Time to the first content event, median of round medians (µs). */
  ttftRounds: RoundSummary;
  summary: RunSummary;
  /** CPU of the process in the path (null proxy or gateway) per request, in ms; 0 for direct. */
  proxyCpuMsPerRequest: number;
}

function proxyPid(context: BenchContext, target: TargetName): number | undefined {
  switch (target) {
    case 'direct':
      return undefined;
    case 'null':
      return context.pids.nullProxy;
    case 'messages':
    case 'chat':
      return context.pids.gateway;
  }
}

/**
 * c = 1 latency by interleaved rounds: warm-up, then per round one batch per target in a rotated
 * order (so no target always follows the same one), each batch's medians kept. What a slow moment
 * of the shared machine does lands in one round, not in one target.
 */
export async function runInterleavedRounds(
  context: BenchContext,
  options: {
    targets: readonly RoundTarget[];
    rounds: number;
    perRound: number;
    warmup: number;
    prompt: (index: number) => Prompt;
  },
): Promise<RoundsResult[]> {
  let sent = 0;
  const batch = async (target: RoundTarget, requests: number, recorder?: RunRecorder) =>
    runClosedLoop({
      dispatcher: context.dispatcher,
      concurrency: 1,
      requests,
      ...(recorder === undefined ? {} : { recorder }),
      exchange: () => {
        const prompt = options.prompt(sent);
        sent += 1;
        const prepared = prepareRequest(context.endpoints, {
          target: target.target,
          content: prompt.content,
          stream: target.stream,
          ...(prompt.history === undefined ? {} : { history: prompt.history }),
        });
        const { expectedText } = prompt;
        return { prepared, ...(expectedText === undefined ? {} : { expectedText }) };
      },
    });
  for (const target of options.targets) await batch(target, options.warmup);

  const state = options.targets.map((target) => ({
    target,
    all: new RunRecorder(),
    totalMedians: [] as number[],
    ttftMedians: [] as number[],
    cpuSeconds: 0,
  }));
  for (let round = 0; round < options.rounds; round += 1) {
    for (let step = 0; step < state.length; step += 1) {
      const entry = state[(round + step) % state.length]!;
      const pid = proxyPid(context, entry.target.target);
      const before = pid === undefined ? undefined : await sampleProcess(pid);
      const { recorder } = await batch(entry.target, options.perRound);
      if (pid !== undefined && before !== undefined) {
        entry.cpuSeconds += (await sampleProcess(pid)).cpuSeconds - before.cpuSeconds;
      }
      entry.totalMedians.push(recorder.total.percentile(50));
      entry.ttftMedians.push(recorder.ttft.percentile(50));
      entry.all.absorb(recorder);
    }
    context.log(`  round ${round + 1}/${options.rounds} done (${performance.now().toFixed(0)} ms)`);
  }
  return state.map((entry) => ({
    label: entry.target.label,
    totalRounds: summariseRounds(entry.totalMedians),
    ttftRounds: summariseRounds(entry.ttftMedians),
    summary: entry.all.summary(),
    proxyCpuMsPerRequest:
      entry.all.requests === 0 ? 0 : (entry.cpuSeconds * 1000) / entry.all.requests,
  }));
}
