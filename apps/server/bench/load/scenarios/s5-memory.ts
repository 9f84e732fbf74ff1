import { setTimeout as sleep } from 'node:timers/promises';

import type { BenchContext } from '../bench-context';
import { runClosedLoop } from '../client/closed-loop';
import { pacedStreamPrompt } from '../client/prompts';
import type { RunSummary } from '../client/run-recorder';
import { prepareRequest, type TargetName } from '../client/targets';
import { sampleGatewayHeap, type HeapSample } from '../processes/gateway-heap';
import { sampleProcess } from '../stats/process-stats';
import { median } from '../stats/round-statistics';

export interface MemoryRow {
  label: string;
  streams: number;
  /** RSS just before the streams opened (the process warm from earlier scenarios), bytes. */
  rssBeforeBytes: number;
  /** Median RSS while every stream was open, bytes. */
  rssSteadyBytes: number;
  /** How many 1 Hz samples fell in the all-open window (0: the median of all samples was used). */
  steadySamples: number;
  peakRssBytes: number;
  /** (steady − before) / streams × 1000, bytes. */
  rssPer1000StreamsBytes: number;
  peakOpenFds: number;
  summary: RunSummary;
}

/** Slow streams: 24 deltas 500 ms apart, so each stays open about 12 s. */
const slowDeltas = 24;
const slowIntervalMs = 500;

/**
 * S5-lite: `streams` slow streams open at once through one path; RSS of that process sampled
 * every second; the steady figure is the median over the window when all were open.
 */
export async function measureStreamMemory(
  context: BenchContext,
  options: { label: string; target: TargetName; pid: number; streams: number },
): Promise<MemoryRow> {
  const prompt = pacedStreamPrompt({ deltas: slowDeltas, intervalMs: slowIntervalMs });
  const before = await sampleProcess(options.pid);
  const samples: { atMs: number; rss: number; fds: number }[] = [];
  const started = Date.now();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const sample = await sampleProcess(options.pid);
      samples.push({ atMs: Date.now() - started, rss: sample.rssBytes, fds: sample.openFds });
      await sleep(1000);
    }
  })();
  const { recorder } = await runClosedLoop({
    dispatcher: context.dispatcher,
    concurrency: options.streams,
    requests: options.streams,
    exchange: () => ({
      prepared: prepareRequest(context.endpoints, {
        target: options.target,
        content: prompt.content,
        stream: true,
      }),
      expectedText: prompt.expectedText ?? '',
    }),
  });
  sampling = false;
  await sampler;
  const summary = recorder.summary();
  // All streams are open from their last TTFT until their first end: between the slowest start
  // and the fastest finish, with a second of margin on each side.
  const openFromMs = summary.ttft.max / 1000 + 1000;
  const openUntilMs = summary.total.min / 1000 - 1000;
  const window = samples.filter((s) => s.atMs >= openFromMs && s.atMs <= openUntilMs);
  const steady = median((window.length > 0 ? window : samples).map((s) => s.rss));
  return {
    label: options.label,
    streams: options.streams,
    rssBeforeBytes: before.rssBytes,
    rssSteadyBytes: steady,
    steadySamples: window.length,
    peakRssBytes: Math.max(...samples.map((s) => s.rss)),
    rssPer1000StreamsBytes: ((steady - before.rssBytes) / options.streams) * 1000,
    peakOpenFds: Math.max(...samples.map((s) => s.fds)),
    summary,
  };
}

export interface S5Result {
  /** Gateway RSS at rest right after start, before any request, bytes. */
  gatewayIdleRssBytes: number;
  rows: MemoryRow[];
  /** Gateway RSS after the last scenario, once it had `recoverySeconds` of rest. */
  gatewayRssAfterBytes: number;
  /** The gateway's V8 heap before its streams, while they were open, after the rest (newer runs). */
  gatewayHeap?: { before: HeapSample; during: HeapSample; after: HeapSample };
  recoverySeconds: number;
}

export async function runS5(context: BenchContext, idleRssBytes: number): Promise<S5Result> {
  const streams = context.quick ? 200 : 1000;
  const rows: MemoryRow[] = [];
  const heap = () => sampleGatewayHeap(context.gateway.url);
  context.log(`S5: ${streams} slow streams through null`);
  rows.push(
    await measureStreamMemory(context, {
      label: 'null',
      target: 'null',
      pid: context.pids.nullProxy,
      streams,
    }),
  );
  context.log(`S5: ${streams} slow streams through messages-sse`);
  const before = await heap();
  const gatewayRun = measureStreamMemory(context, {
    label: 'messages-sse',
    target: 'messages',
    pid: context.pids.gateway,
    streams,
  });
  // Halfway through the ~12 s streams, every one of them is open.
  await sleep(6000);
  const during = await heap();
  rows.push(await gatewayRun);
  const recoverySeconds = context.quick ? 5 : 60;
  context.log(`S5: ${recoverySeconds} s of rest before the last RSS sample`);
  await sleep(recoverySeconds * 1000);
  const after = await sampleProcess(context.pids.gateway);
  return {
    gatewayIdleRssBytes: idleRssBytes,
    rows,
    gatewayRssAfterBytes: after.rssBytes,
    gatewayHeap: { before, during, after: await heap() },
    recoverySeconds,
  };
}
