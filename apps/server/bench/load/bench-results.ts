import type { RunEnvironment } from './environment';
import type { CpuPerTokenRow } from './scenarios/cpu-per-token';
import type { S1Result } from './scenarios/s1-added-latency';
import type { S2Size } from './scenarios/s2-large-bodies';
import type { S3Row } from './scenarios/s3-sustained-rate';
import type { S4Row } from './scenarios/s4-streams';
import type { S5Result } from './scenarios/s5-memory';
import type { S7Result } from './scenarios/s7-failover';

/** The raw JSON a run writes (latencies in µs, memory in bytes, CPU in seconds unless named). */
export interface BenchResults {
  schema: 1;
  environment: RunEnvironment;
  quick: boolean;
  /** Settings the gateway ran with besides the shipped defaults. */
  gatewayConfig: Record<string, unknown>;
  durationSeconds: number;
  /** Gateway RSS right after start, before any request. */
  gatewayIdleRssBytes: number;
  s1?: S1Result;
  s2?: S2Size[];
  s3?: S3Row[];
  s4?: S4Row[];
  cpuPerToken?: CpuPerTokenRow[];
  s7?: S7Result;
  s5?: S5Result;
}
