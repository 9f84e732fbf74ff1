import type { BenchContext } from '../bench-context';
import { runOpenLoop } from '../client/open-loop';
import { shortAnswerPrompt } from '../client/prompts';
import type { RunSummary } from '../client/run-recorder';
import { prepareRequest, type TargetName } from '../client/targets';

/** The upstream holds every answer this long (the shared-rig "sustained RPS @ 20 ms" rule). */
export const upstreamHoldMs = 20;
const p99BoundUs = 1_000_000;
const maxErrorRatio = 0.001;

export interface RateStep {
  offeredRate: number;
  achievedRate: number;
  saturated: boolean;
  /** p99 below 1 s, errors below 0.1 %, sending never stopped for a full queue. */
  pass: boolean;
  summary: RunSummary;
}

export interface S3Row {
  label: string;
  /** The highest offered rate that passed (0 when none did). */
  sustainedRate: number;
  steps: RateStep[];
}

const targets: readonly { label: string; target: TargetName; stream: boolean }[] = [
  { label: 'direct', target: 'direct', stream: true },
  { label: 'null', target: 'null', stream: true },
  { label: 'messages-json', target: 'messages', stream: false },
];

/**
 * S3: open-loop arrival rates against an upstream that holds each answer 20 ms, non-stream 1 KB:
 * the rate doubles from 50/s until a step fails, then two bisection steps narrow the frontier.
 */
export async function runS3(context: BenchContext): Promise<S3Row[]> {
  const durationSeconds = context.quick ? 2 : 4;
  const rows: S3Row[] = [];
  for (const { label, target, stream } of targets) {
    let sent = 0;
    const step = async (rate: number): Promise<RateStep> => {
      const result = await runOpenLoop({
        dispatcher: context.dispatcher,
        ratePerSecond: rate,
        durationSeconds,
        exchange: () => {
          const prompt = shortAnswerPrompt({
            bytes: 1024,
            nonce: `S3 ${sent}.`,
            delayMs: upstreamHoldMs,
          });
          sent += 1;
          return {
            prepared: prepareRequest(context.endpoints, {
              target,
              content: prompt.content,
              stream,
            }),
            expectedText: prompt.expectedText ?? '',
          };
        },
      });
      const summary = result.recorder.summary();
      const failed = summary.errors + summary.incomplete;
      const pass =
        !result.saturated &&
        summary.total.p99 < p99BoundUs &&
        failed <= maxErrorRatio * summary.requests;
      context.log(
        `S3 ${label} ${rate}/s: ${pass ? 'pass' : 'fail'}, achieved ${result.achievedRate.toFixed(0)}/s, ` +
          `p99 ${summary.total.p99} µs, ${failed} failed${result.saturated ? ', saturated' : ''}`,
      );
      return {
        offeredRate: rate,
        achievedRate: result.achievedRate,
        saturated: result.saturated,
        pass,
        summary,
      };
    };
    await step(50); // warm-up, not recorded
    const steps: RateStep[] = [];
    let passed = 0;
    let failed = 0;
    for (let rate = 50; rate <= 12_800; rate *= 2) {
      const result = await step(rate);
      steps.push(result);
      if (!result.pass) {
        failed = rate;
        break;
      }
      passed = rate;
    }
    for (let refine = 0; refine < 2 && failed > 0 && passed > 0; refine += 1) {
      const rate = Math.round((passed + failed) / 2);
      const result = await step(rate);
      steps.push(result);
      if (result.pass) passed = rate;
      else failed = rate;
    }
    rows.push({ label, sustainedRate: passed, steps });
  }
  return rows;
}
