import type { AccountStore } from '../accounts/account-store';
import type { LoginStore } from '../accounts/login-store';
import type { FaultRegistry } from '../faults/fault-registry';
import type { SeededRandom } from '../faults/seeded-random';
import type { RequestLog } from '../log/request-log';
import type { ModelCatalog } from '../models/model-catalog';
import type { SimulatorSettings } from './simulator-options';

/** Everything a route needs: the simulated back end's state and settings. */
export interface SimulatorCore {
  readonly settings: SimulatorSettings;
  readonly accounts: AccountStore;
  readonly logins: LoginStore;
  readonly faults: FaultRegistry;
  readonly log: RequestLog;
  readonly models: ModelCatalog;
  /** Deterministic ids (tool use ids, signatures), separate from the fault generator. */
  readonly ids: SeededRandom;
  now(): number;
}
