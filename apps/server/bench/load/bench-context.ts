import type { Agent } from 'undici';

import type { Endpoints } from './client/targets';
import type { RunningGateway } from './processes/gateway-process';

/** Everything a scenario needs: the client's dispatcher, where things listen, whom to measure. */
export interface BenchContext {
  dispatcher: Agent;
  endpoints: Endpoints;
  pids: { simulator: number; nullProxy: number; gateway: number };
  gateway: RunningGateway;
  simulatorControlUrl: string;
  /** The gateway's accounts, as the simulator knows them (S7 throttles one). */
  gatewayAccountIds: readonly string[];
  /** Short development runs: fewer rounds, lower concurrency, shorter waits. */
  quick: boolean;
  log(line: string): void;
}
