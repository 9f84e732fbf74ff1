import { AccountStore } from '../accounts/account-store';
import { LoginStore } from '../accounts/login-store';
import { FaultRegistry } from '../faults/fault-registry';
import { SeededRandom } from '../faults/seeded-random';
import { RequestLog } from '../log/request-log';
import { defaultModels, ModelCatalog } from '../models/model-catalog';
import type { SimulatorCore } from './simulator-core';
import {
  resolveSettings,
  type KiroSimulatorOptions,
  type SimulatorSettings,
} from './simulator-options';

/** The mutable state behind one simulator; `reset` returns it to how it started. */
export class SimulatorState implements SimulatorCore {
  readonly settings: SimulatorSettings;
  readonly log: RequestLog;
  readonly models: ModelCatalog;
  accounts!: AccountStore;
  logins!: LoginStore;
  faults!: FaultRegistry;
  ids!: SeededRandom;
  /** `http://host:port`, known once the server listens. */
  baseUrl = '';
  private readonly seed: number;
  private readonly clock: () => number;

  constructor(options: KiroSimulatorOptions) {
    this.settings = resolveSettings(options);
    this.log = new RequestLog(options.requestLog);
    this.models = new ModelCatalog(options.models ?? defaultModels);
    this.seed = options.seed ?? 1;
    this.clock = options.now ?? Date.now;
    this.reset();
  }

  now(): number {
    return this.clock();
  }

  reset(): void {
    const now = (): number => this.clock();
    this.accounts = new AccountStore({
      now,
      accessTokenLifetimeSeconds: this.settings.accessTokenLifetimeSeconds,
      baseUrl: () => this.baseUrl,
    });
    this.logins = new LoginStore(now);
    this.faults = new FaultRegistry(new SeededRandom(this.seed));
    this.ids = new SeededRandom(this.seed ^ 0x5eed);
    this.log.clear();
  }
}
