import type { Logger } from '../logging/create-logger';

/** Which error and stream shape the caller speaks. */
export type CallerProtocol = 'anthropic' | 'openai' | 'admin';

/** Per-request values that middleware sets for the handlers after it. */
export interface AppVariables {
  requestId: string;
  log: Logger;
}

export interface AppEnv {
  Variables: AppVariables;
}
