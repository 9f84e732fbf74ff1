import type { BenchResults } from '../bench-results';
import { formatMb, formatNumber, formatUs } from './format';

/** One target of the reliability-and-performance plan against what a run measured. */
export interface TargetVerdict {
  metric: string;
  target: string;
  measured: string;
  verdict: 'met' | 'not met' | 'not measured';
}

const mb = 1024 * 1024;

function verdict(ok: boolean | undefined): TargetVerdict['verdict'] {
  return ok === undefined ? 'not measured' : ok ? 'met' : 'not met';
}

function addedP99(results: BenchResults, label: string): number | undefined {
  return results.s1?.added.find((row) => row.label === label && row.versus === 'direct')?.p99;
}

/** The highest S4 level at which every stream of `label` completed without a stall. */
function streamsSustained(results: BenchResults, label: string): number | undefined {
  if (results.s4 === undefined) return undefined;
  const sustained = results.s4.filter((row) => row.label === label && row.sustained);
  return Math.max(0, ...sustained.map((row) => row.concurrency));
}

function s4Added(results: BenchResults, pick: 'ttft' | 'gap'): { level: number; us: number }[] {
  const rows = results.s4 ?? [];
  return rows
    .filter((row) => row.label === 'messages-sse')
    .flatMap((row) => {
      const direct = rows.find((d) => d.label === 'direct' && d.concurrency === row.concurrency);
      if (direct === undefined) return [];
      return [{ level: row.concurrency, us: row.summary[pick].p99 - direct.summary[pick].p99 }];
    });
}

/** The B3.7 targets, each with what this run measured and whether it is met. */
export function targetVerdicts(results: BenchResults): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  const s1Messages = addedP99(results, 'messages-json');
  const s1Chat = addedP99(results, 'chat-json');
  verdicts.push({
    metric: 'Added p99, non-stream 1 KB, c = 1',
    target: '≤ 0.40 ms',
    measured: `${formatUs(s1Messages ?? Number.NaN)} (/v1/messages), ${formatUs(s1Chat ?? Number.NaN)} (/v1/chat/completions)`,
    verdict: verdict(
      s1Messages === undefined ? undefined : Math.max(s1Messages, s1Chat ?? 0) <= 400,
    ),
  });
  for (const shape of ['distinct', 'conversation'] as const) {
    const big = results.s2
      ?.find((size) => size.bodyBytes === 500 * 1024 && size.shape === shape)
      ?.added.find((row) => row.label === 'messages-json' && row.versus === 'direct');
    verdicts.push({
      metric: `Added p99, 500 KB body (${shape})`,
      target: '≤ 5 ms',
      measured: big === undefined ? 'n/a' : formatUs(big.p99),
      verdict: verdict(big === undefined ? undefined : big.p99 <= 5000),
    });
  }
  const s3Gateway = results.s3?.find((row) => row.label === 'messages-json');
  const s3Direct = results.s3?.find((row) => row.label === 'direct');
  verdicts.push({
    metric: 'Sustained RPS @ 20 ms mock',
    target: '≥ 5 000',
    measured:
      s3Gateway === undefined
        ? 'n/a'
        : `${formatNumber(s3Gateway.sustainedRate)}/s (direct to the simulator: ${formatNumber(s3Direct?.sustainedRate ?? Number.NaN)}/s)`,
    verdict: verdict(s3Gateway === undefined ? undefined : s3Gateway.sustainedRate >= 5000),
  });
  const ttftC1 = results.s1?.added.find((r) => r.label === 'messages-sse' && r.versus === 'direct');
  const ttftLevels = s4Added(results, 'ttft');
  verdicts.push({
    metric: 'Added TTFT p99 (stream)',
    target: '≤ 0.5 ms',
    measured: [
      ttftC1 === undefined ? undefined : `${formatUs(ttftC1.ttftP99)} at c = 1`,
      ...ttftLevels.map((entry) => `${formatUs(entry.us)} at ${entry.level}`),
    ]
      .filter(Boolean)
      .join(', '),
    verdict: verdict(ttftC1 === undefined ? undefined : ttftC1.ttftP99 <= 500),
  });
  const gaps = s4Added(results, 'gap');
  verdicts.push({
    metric: 'Added inter-frame p99',
    target: '≤ 30 µs',
    measured: gaps.map((entry) => `${formatUs(entry.us)} at ${entry.level}`).join(', ') || 'n/a',
    verdict: verdict(gaps.length === 0 ? undefined : gaps[0]!.us <= 30),
  });
  const sustained = streamsSustained(results, 'messages-sse');
  const directSustained = streamsSustained(results, 'direct');
  verdicts.push({
    metric: 'Streams sustained (64 × 20 ms, no stall or loss)',
    target: '≥ 512 on 2 cores',
    measured:
      sustained === undefined
        ? 'n/a'
        : `${sustained} (direct to the simulator: ${directSustained ?? 'n/a'})`,
    verdict: verdict(sustained === undefined ? undefined : sustained >= 512),
  });
  const s5 = results.s5;
  const gatewayRow = s5?.rows.find((row) => row.label === 'messages-sse');
  verdicts.push({
    metric: 'Idle RSS',
    target: '≤ 80 MB',
    measured: formatMb(results.gatewayIdleRssBytes),
    verdict: verdict(results.gatewayIdleRssBytes <= 80 * mb),
  });
  verdicts.push({
    metric: 'RSS per 1 000 concurrent streams',
    target: '≤ 50 MB',
    measured: gatewayRow === undefined ? 'n/a' : formatMb(gatewayRow.rssPer1000StreamsBytes),
    verdict: verdict(
      gatewayRow === undefined ? undefined : gatewayRow.rssPer1000StreamsBytes <= 50 * mb,
    ),
  });
  verdicts.push({
    metric: `RSS after load (${s5?.recoverySeconds ?? 60} s rest) vs idle at start`,
    target: 'within 10 %',
    measured:
      s5 === undefined
        ? 'n/a'
        : `${formatMb(s5.gatewayRssAfterBytes)} vs ${formatMb(s5.gatewayIdleRssBytes)}`,
    verdict: verdict(
      s5 === undefined ? undefined : s5.gatewayRssAfterBytes <= s5.gatewayIdleRssBytes * 1.1,
    ),
  });
  const cpu = results.cpuPerToken?.find((row) => row.label === 'messages-sse');
  verdicts.push({
    metric: 'CPU per 1M output tokens',
    target: '≤ 10 CPU-s',
    measured: cpu === undefined ? 'n/a' : `${formatNumber(cpu.cpuSecondsPer1MTokens, 1)} CPU-s`,
    verdict: verdict(cpu === undefined ? undefined : cpu.cpuSecondsPer1MTokens <= 10),
  });
  const overloaded = results.s7?.variants.find((v) => v.fault === 'model-overloaded');
  const failoverUs =
    overloaded === undefined || overloaded.failedOver.count === 0
      ? undefined
      : overloaded.failedOver.p50 - overloaded.firstAttempt.p50;
  const s7Errors = results.s7?.variants.reduce((sum, v) => sum + v.summary.errors, 0);
  verdicts.push({
    metric: 'Failover overhead (429 on account A → B), p50',
    target: '≤ 2 ms + B’s RTT, no client error',
    measured:
      failoverUs === undefined
        ? 'n/a'
        : `${formatUs(failoverUs, true)} over a first-attempt answer; ${s7Errors} client errors`,
    verdict: verdict(failoverUs === undefined ? undefined : failoverUs <= 2000 && s7Errors === 0),
  });
  return verdicts;
}
