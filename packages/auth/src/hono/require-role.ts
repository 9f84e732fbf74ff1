import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';

import { AuthenticationError } from '../errors/authentication-error';
import { PermissionError } from '../errors/permission-error';
import type { AuthenticatedUser, UserRole } from '../users/user-store';
import type { SessionEnv } from './auth-env';

function currentUser(c: Context<SessionEnv>): AuthenticatedUser {
  const user: AuthenticatedUser | undefined = c.get('user');
  // Undefined only when sessionAuth did not run first: fail closed.
  if (user === undefined) {
    throw new AuthenticationError({ code: 'missing_session', message: 'Log in first.' });
  }
  return user;
}

/** Lets through users with one of `roles`; others get a 403 `PermissionError`, anonymous a 401. */
export function requireRole(...roles: [UserRole, ...UserRole[]]): MiddlewareHandler<SessionEnv> {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const user = currentUser(c);
    if (!roles.includes(user.role)) {
      throw new PermissionError({
        code: 'forbidden',
        message: `This needs the ${roles.join(' or ')} role.`,
      });
    }
    await next();
  });
}

/**
 * Refuses everything (403 `password_change_required`) to a user who must change their password, as
 * the first admin with the default password must. Mount it after {@link sessionAuth} on every admin
 * route except the ones needed to change the password (login, logout, me, change password).
 */
export function requirePasswordChanged(): MiddlewareHandler<SessionEnv> {
  return createMiddleware<SessionEnv>(async (c, next) => {
    const user = currentUser(c);
    if (user.mustChangePassword) {
      throw new PermissionError({
        code: 'password_change_required',
        message: 'Change your password before doing anything else.',
      });
    }
    await next();
  });
}
