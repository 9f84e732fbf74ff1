import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';

import { AuthenticationError } from '../errors/authentication-error';
import type { SessionService } from '../sessions/session-service';
import type { SessionEnv } from './auth-env';
import { readBearerToken } from './credentials';
import type { SessionCookie } from './session-cookie';

export interface SessionAuthOptions {
  sessions: SessionService;
  cookie: SessionCookie;
}

/**
 * Session auth for the admin API: `Authorization: Bearer <session token>` (scripts) or the session
 * cookie (the admin UI). A Bearer header wins and the cookie is then ignored, which is what lets
 * {@link csrfProtection} exempt Bearer requests. On success `c.get('user')` and `c.get('session')`
 * are set; failures throw `AuthenticationError` (401).
 */
export function sessionAuth(options: SessionAuthOptions): MiddlewareHandler<SessionEnv> {
  const { sessions, cookie } = options;
  return createMiddleware<SessionEnv>(async (c, next) => {
    const token = readBearerToken(c) ?? cookie.read(c);
    if (token === undefined || token === '') {
      throw new AuthenticationError({ code: 'missing_session', message: 'Log in first.' });
    }
    const { user, session } = await sessions.authenticate(token);
    c.set('user', user);
    c.set('session', session);
    await next();
  });
}
