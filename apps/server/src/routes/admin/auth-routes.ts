import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AuthenticationError, type LoginResult } from '@octoproxy/auth';
import type { Context } from 'hono';

import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { clientInfo } from '../../http/client-info';
import { definedClientInfo } from './defined-client-info';
import { errorResponses, jsonBody, jsonContent, okSchema } from './schemas/common-schemas';
import { toUserDto, userSchema } from './schemas/user-schemas';

const loginResultSchema = z
  .object({
    token: z.string().openapi({ description: 'Session token; also set as an HttpOnly cookie.' }),
    expiresAt: z.number(),
    user: userSchema,
    mustChangePassword: z.boolean(),
  })
  .openapi('LoginResult');

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  summary: 'Log in; the session comes back as a cookie and as a bearer token',
  request: jsonBody(z.object({ username: z.string().min(1), password: z.string().min(1) })),
  responses: { 200: jsonContent(loginResultSchema, 'Logged in'), ...errorResponses },
});

/** Session authentication applied per route; login itself is public. */
export function authRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const authed = deps.sessionAuth;
  const currentUser = async (id: string) => {
    const user = await deps.storage.users.get(id);
    if (user === undefined) {
      throw new AuthenticationError({ code: 'invalid_session', message: 'Log in again.' });
    }
    return user;
  };
  /** Sets the new session's cookie; the body the client gets (the token, for bearer use, too). */
  const startSession = async (c: Context, result: LoginResult) => {
    deps.cookie.set(c, result);
    const user = await currentUser(result.user.id);
    return {
      token: result.token,
      expiresAt: result.session.expiresAt.getTime(),
      user: toUserDto(user),
      mustChangePassword: user.mustChangePassword,
    };
  };

  return adminRouter()
    .openapi(loginRoute, async (c) => {
      const { username, password } = c.req.valid('json');
      const result = await deps.login.login({ username, password, ...definedClientInfo(c) });
      await deps.storage.users.recordLogin(result.user.id);
      await deps.storage.auditLog.append({
        actorUserId: result.user.id,
        actorIp: clientInfo(c).ip ?? null,
        action: 'login.success',
      });
      return c.json(await startSession(c, result), 200);
    })
    .openapi(
      createRoute({
        method: 'post',
        path: '/logout',
        summary: 'End the current session',
        middleware: authed,
        responses: { 200: jsonContent(okSchema, 'Logged out'), ...errorResponses },
      }),
      async (c) => {
        await deps.storage.sessions.revoke(c.get('session').id);
        deps.cookie.clear(c);
        return c.json({ ok: true as const }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/me',
        summary: 'The logged-in user',
        middleware: authed,
        responses: {
          200: jsonContent(z.object({ user: userSchema }), 'The user'),
          ...errorResponses,
        },
      }),
      async (c) => c.json({ user: toUserDto(await currentUser(c.get('user').id)) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/me/password',
        summary: 'Change your password; other sessions end, a fresh one is returned',
        middleware: authed,
        request: jsonBody(
          z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(1) }),
        ),
        responses: { 200: jsonContent(loginResultSchema, 'Changed'), ...errorResponses },
      }),
      async (c) => {
        const { currentPassword, newPassword } = c.req.valid('json');
        const result = await deps.login.changePassword({
          userId: c.get('user').id,
          currentPassword,
          newPassword,
          ...definedClientInfo(c),
        });
        await deps.storage.auditLog.append({
          actorUserId: result.user.id,
          actorIp: clientInfo(c).ip ?? null,
          action: 'user.password-change',
          targetType: 'user',
          targetId: result.user.id,
        });
        return c.json(await startSession(c, result), 200);
      },
    );
}
