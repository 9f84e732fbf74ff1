import type { BenchContext } from '../bench-context';
import { runClosedLoop } from '../client/closed-loop';
import { longAnswerPrompt } from '../client/prompts';
import type { RunSummary } from '../client/run-recorder';
import { prepareRequest, type TargetName } from '../client/targets';
import { measureCpu } from '../stats/process-stats';

export interface CpuPerTokenRow {
  label: string;
  streams: number;
  concurrency: number;
  /** Output tokens as the simulator meters them: a quarter of the characters. */
  outputTokens: number;
  cpuSeconds: number;
  cpuSecondsPer1MTokens: number;
  /** Tokens relayed per CPU-second (one core's capacity at this mix). */
  tokensPerCpuSecond: number;
  summary: RunSummary;
}

/**
 * CPU-seconds per million output tokens: long answers (2 000 words, in Kiro-like frames of 1–31
 * characters) at full speed through the null proxy and the gateway's two streaming routes; the
 * process's `utime + stime` over the run divided by the tokens it relayed.
 */
export async function runCpuPerToken(context: BenchContext): Promise<CpuPerTokenRow[]> {
  const concurrency = context.quick ? 4 : 16;
  const streams = context.quick ? 8 : 64;
  const prompt = longAnswerPrompt(2000);
  const rows: CpuPerTokenRow[] = [];
  for (const [label, target, pid] of [
    ['null', 'null', context.pids.nullProxy],
    ['messages-sse', 'messages', context.pids.gateway],
    ['chat-sse', 'chat', context.pids.gateway],
  ] as const satisfies readonly (readonly [string, TargetName, number])[]) {
    const { result, cpuSeconds } = await measureCpu(pid, () =>
      runClosedLoop({
        dispatcher: context.dispatcher,
        concurrency,
        requests: streams,
        exchange: () => ({
          prepared: prepareRequest(context.endpoints, {
            target,
            content: prompt.content,
            stream: true,
          }),
        }),
      }),
    );
    const summary = result.recorder.summary();
    const outputTokens = Math.ceil(summary.contentChars / 4);
    rows.push({
      label,
      streams,
      concurrency,
      outputTokens,
      cpuSeconds,
      cpuSecondsPer1MTokens: (cpuSeconds / outputTokens) * 1e6,
      tokensPerCpuSecond: outputTokens / cpuSeconds,
      summary,
    });
    context.log(`CPU/token ${label}: ${outputTokens} tokens, ${cpuSeconds.toFixed(2)} CPU-s`);
  }
  return rows;
}
