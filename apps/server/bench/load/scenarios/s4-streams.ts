import type { BenchContext } from '../bench-context';
import { runClosedLoop } from '../client/closed-loop';
import { pacedStreamPrompt, shortAnswerPrompt } from '../client/prompts';
import { RunRecorder, type RunSummary } from '../client/run-recorder';
import { prepareRequest, type TargetName } from '../client/targets';
import { sampleProcess } from '../stats/process-stats';

export const streamDeltas = 64;
export const streamIntervalMs = 20;
/** A gap above ten pacing intervals is a stall (the shared-rig rule). */
export const stallMs = 10 * streamIntervalMs;

export interface S4Row {
  label: string;
  concurrency: number;
  streams: number;
  wallSeconds: number;
  summary: RunSummary;
  /** Content events per second of wall time, over the whole run. */
  framesPerSecond: number;
  /** CPU of the process in the path per content event relayed, in µs (0 for direct). */
  proxyCpuUsPerFrame: number;
  /** Every stream complete (all 64 deltas in order, end marker) and none stalled. */
  sustained: boolean;
}

const targets: readonly { label: string; target: TargetName }[] = [
  { label: 'direct', target: 'direct' },
  { label: 'null', target: 'null' },
  { label: 'messages-sse', target: 'messages' },
  { label: 'chat-sse', target: 'chat' },
];

/**
 * S4: streams of 64 text deltas paced 20 ms apart, `concurrency` of them at a time (each worker
 * runs two back to back, after a warm-up that opens the connections), through each path: TTFT,
 * inter-frame gaps, loss and stalls, frames/s.
 */
export async function runS4(context: BenchContext): Promise<S4Row[]> {
  const levels = context.quick ? [8, 32] : [32, 128, 512];
  const prompt = pacedStreamPrompt({ deltas: streamDeltas, intervalMs: streamIntervalMs });
  const rows: S4Row[] = [];
  for (const concurrency of levels) {
    for (const { label, target } of targets) {
      const pid =
        target === 'direct'
          ? undefined
          : target === 'null'
            ? context.pids.nullProxy
            : context.pids.gateway;
      // Open the connections first (client, null proxy and gateway pools): steady state, not setup.
      const warmUp = shortAnswerPrompt({ bytes: 512 });
      await runClosedLoop({
        dispatcher: context.dispatcher,
        concurrency,
        requests: concurrency,
        exchange: () => ({
          prepared: prepareRequest(context.endpoints, {
            target,
            content: warmUp.content,
            stream: true,
          }),
        }),
      });
      const before = pid === undefined ? undefined : await sampleProcess(pid);
      const streams = concurrency * 2;
      const { recorder, wallSeconds } = await runClosedLoop({
        dispatcher: context.dispatcher,
        concurrency,
        requests: streams,
        recorder: new RunRecorder(stallMs),
        exchange: () => ({
          prepared: prepareRequest(context.endpoints, {
            target,
            content: prompt.content,
            stream: true,
          }),
          expectedText: prompt.expectedText ?? '',
        }),
      });
      const cpuSeconds =
        pid === undefined || before === undefined
          ? 0
          : (await sampleProcess(pid)).cpuSeconds - before.cpuSeconds;
      const summary = recorder.summary();
      rows.push({
        label,
        concurrency,
        streams,
        wallSeconds,
        summary,
        framesPerSecond: summary.contentEvents / wallSeconds,
        proxyCpuUsPerFrame:
          summary.contentEvents === 0 ? 0 : (cpuSeconds * 1e6) / summary.contentEvents,
        sustained: summary.complete === streams && summary.stalled === 0,
      });
      context.log(
        `S4 c=${concurrency} ${label}: ${summary.complete}/${streams} complete, ` +
          `${summary.stalled} stalled, TTFT p99 ${summary.ttft.p99} µs, gap p99 ${summary.gap.p99} µs`,
      );
    }
  }
  return rows;
}
