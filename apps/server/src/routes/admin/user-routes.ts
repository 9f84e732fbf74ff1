import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { assertPasswordAcceptable } from '@octoproxy/auth';
import { requirePasswordChanged, requireRole } from '@octoproxy/auth/hono';
import { InvalidRequestError } from '@octoproxy/converters';
import type { UserPatch } from '@octoproxy/storage';

import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { audit } from './audit';
import { deleteByIdRoute } from './delete-by-id-route';
import { notFound } from './not-found';
import {
  errorResponses,
  idParamSchema,
  jsonBody,
  jsonContent,
  pageQuerySchema,
} from './schemas/common-schemas';
import { definedClientInfo } from './defined-client-info';
import { createUserSchema, toUserDto, updateUserSchema, userSchema } from './schemas/user-schemas';

const userResponse = jsonContent(z.object({ user: userSchema }), 'The user');

/** `/api/users` (admins only). Passwords are hashed by auth; hashes never come back. */
export function userRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const app = adminRouter();
  app.use('/users', deps.sessionAuth, requirePasswordChanged(), requireRole('admin'));
  app.use('/users/*', deps.sessionAuth, requirePasswordChanged(), requireRole('admin'));
  const hash = async (password: string, username: string) => {
    assertPasswordAcceptable(password, undefined, [username]);
    return deps.hasher.hash(password);
  };

  return app
    .openapi(
      createRoute({
        method: 'get',
        path: '/users',
        summary: 'List users',
        request: { query: pageQuerySchema.extend({ search: z.string().optional() }) },
        responses: {
          200: jsonContent(z.object({ users: z.array(userSchema), total: z.number() }), 'Users'),
          ...errorResponses,
        },
      }),
      async (c) => {
        const page = await deps.storage.users.list(c.req.valid('query'));
        return c.json({ users: page.items.map(toUserDto), total: page.total }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/users',
        summary: 'Create a user',
        request: jsonBody(createUserSchema),
        responses: { 201: userResponse, ...errorResponses },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const user = await deps.storage.users.create({
          username: body.username,
          role: body.role ?? 'user',
          active: body.isActive ?? true,
          passwordHash: await hash(body.password, body.username),
          // A password someone else chose: the user replaces it at the first login.
          mustChangePassword: true,
        });
        await audit(deps.storage, c, {
          action: 'user.create',
          targetType: 'user',
          targetId: user.id,
        });
        return c.json({ user: toUserDto(user) }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/users/{id}',
        summary: 'One user',
        request: { params: idParamSchema },
        responses: { 200: userResponse, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const user = await deps.storage.users.get(id);
        if (user === undefined) throw notFound('user', id);
        return c.json({ user: toUserDto(user) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/users/{id}',
        summary:
          'Edit a user; a new password ends their sessions (and, set by an admin for someone else, must be changed at the next login)',
        request: { params: idParamSchema, ...jsonBody(updateUserSchema) },
        responses: { 200: userResponse, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const patch: UserPatch = {};
        if (body.username !== undefined) patch.username = body.username;
        if (body.role !== undefined) patch.role = body.role;
        if (body.isActive !== undefined) patch.active = body.isActive;
        if (body.mustChangePassword !== undefined && body.password === undefined) {
          patch.mustChangePassword = body.mustChangePassword;
        }
        const self = id === c.get('user').id;
        if (self && body.password !== undefined && body.currentPassword === undefined) {
          throw new InvalidRequestError({
            code: 'current_password_required',
            param: 'currentPassword',
            message: 'To change your own password, give your current one as currentPassword.',
          });
        }
        if (self && body.password !== undefined) {
          // First, so a wrong current password changes nothing. The login service checks it under
          // the login throttle, ends every session and opens a fresh one for this browser.
          const result = await deps.login.changePassword({
            userId: id,
            currentPassword: body.currentPassword ?? '',
            newPassword: body.password,
            ...definedClientInfo(c),
          });
          deps.cookie.set(c, result);
        }
        let user = await deps.storage.users.update(id, patch);
        if (user === undefined) throw notFound('user', id);
        if (!self && body.password !== undefined) {
          user = await deps.storage.users.setPassword({
            userId: id,
            passwordHash: await hash(body.password, user.username),
            // Someone else's new password is one they did not choose: they replace it at login.
            mustChangePassword: body.mustChangePassword ?? true,
            revokeSessions: true,
            keepSessionId: c.get('session').id,
          });
        }
        if (body.role !== undefined || body.isActive === false) {
          await deps.sessions.revokeAllForUser(id);
        }
        await audit(deps.storage, c, {
          action: 'user.update',
          targetType: 'user',
          targetId: id,
          details: { fields: Object.keys(body) },
        });
        if (user === undefined) throw notFound('user', id);
        return c.json({ user: toUserDto(user) }, 200);
      },
    )
    .openapi(
      deleteByIdRoute({
        path: '/users/{id}',
        summary: 'Delete a user with their sessions and API keys',
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        if (id === c.get('user').id) {
          throw new InvalidRequestError({
            code: 'conflict',
            message: 'You cannot delete yourself.',
          });
        }
        if (!(await deps.storage.users.delete(id))) throw notFound('user', id);
        await audit(deps.storage, c, { action: 'user.delete', targetType: 'user', targetId: id });
        return c.json({ ok: true as const }, 200);
      },
    );
}
