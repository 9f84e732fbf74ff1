import type { SessionVariables } from '@octoproxy/auth/hono';

import type { AppVariables } from '../../http/app-env';

/** Hono env of the admin API: the app's variables plus the logged-in user and session. */
export interface AdminEnv {
  Variables: AppVariables & SessionVariables;
}
