import type { HealthSnapshot } from '../routes/health-routes';
import type { MessageBackend } from '../proxy/message-backend';
import type { ModelDirectory } from '../models/model-directory';
import type { AccountUpstream } from '../routes/admin/account-service';

/** The upstream side, as the app sees it: the pool in front of the Kiro client (or the demo's). */
export interface Upstream {
  backend: MessageBackend;
  accounts: AccountUpstream;
  models: ModelDirectory;
  health(): HealthSnapshot;
  /** Loads accounts and starts the background jobs (health checks, usage sync, token refresh). */
  start(): Promise<void>;
  /** Stops the jobs and writes pending account state. */
  stop(): Promise<void>;
}
