import type { AuthenticatedApiKey } from '../api-keys/api-key-authenticator';
import type { SessionRecord } from '../sessions/session-store';
import type { AuthenticatedUser } from '../users/user-store';

/** What {@link apiKeyAuth} puts on the context: `c.get('apiKey')`. */
export interface ApiKeyVariables {
  apiKey: AuthenticatedApiKey;
}

/** What {@link sessionAuth} puts on the context: `c.get('user')`, `c.get('session')`. */
export interface SessionVariables {
  user: AuthenticatedUser;
  session: SessionRecord;
}

/** Hono env of the proxy routes: `new Hono<ApiKeyEnv>()`. */
export interface ApiKeyEnv {
  Variables: ApiKeyVariables;
}

/** Hono env of the admin API: `new Hono<SessionEnv>()`. */
export interface SessionEnv {
  Variables: SessionVariables;
}
