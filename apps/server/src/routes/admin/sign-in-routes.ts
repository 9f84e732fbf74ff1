import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requirePasswordChanged, requireRole } from '@octoproxy/auth/hono';
import { InvalidRequestError } from '@octoproxy/converters';

import { clientInfo } from '../../http/client-info';
import { callbackPage } from '../../accounts/sign-in/loopback-callback-server';
import type { SignInService } from '../../accounts/sign-in/sign-in-service';
import type { AdminDeps } from './admin-deps';
import type { AdminEnv } from './admin-env';
import { adminRouter } from './admin-router';
import { audit } from './audit';
import { notFound } from './not-found';
import { errorResponses, idParamSchema, jsonBody, jsonContent } from './schemas/common-schemas';
import {
  resolveSignInSchema,
  signInCallbackSchema,
  signInCapabilitiesSchema,
  signInSessionSchema,
  startSignInSchema,
} from './schemas/sign-in-schemas';

const sessionResponse = jsonContent(z.object({ session: signInSessionSchema }), 'The sign-in');

/**
 * `/api/sign-in`: Kiro sign-ins started from the dashboard (admins only). The session answer never
 * carries a token, client secret, device code or PKCE verifier.
 */
export function signInRoutes(deps: AdminDeps): OpenAPIHono<AdminEnv> {
  const app = adminRouter();
  const signIn = (): SignInService => {
    if (deps.signIn === undefined) {
      throw new InvalidRequestError({
        code: 'sign_in_unavailable',
        message: 'Sign-ins need the Kiro upstream, which this server does not run.',
      });
    }
    return deps.signIn;
  };

  // The loopback callback carries no admin session (the browser tab of the sign-in calls it); it is
  // registered before the guard so the guard never runs for it. Its `state` is the credential.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/sign-in/callback',
      summary: 'Loopback callback of a browser sign-in (found by its state; not for the UI)',
      security: [],
      request: {
        query: z.object({
          code: z.string().optional(),
          state: z.string().optional(),
          error: z.string().optional(),
        }),
      },
      responses: {
        200: { description: 'An HTML page telling the admin the outcome' },
        400: { description: 'An HTML page telling the admin what went wrong' },
      },
    }),
    async (c) => {
      const outcome = await signIn().completeByState(c.req.url);
      return c.html(callbackPage(outcome.ok, outcome.message), outcome.ok ? 200 : 400);
    },
  );
  const guard = [deps.sessionAuth, requirePasswordChanged(), requireRole('admin')] as const;
  app.use('/sign-in', ...guard);
  app.use('/sign-in/*', ...guard);

  return app
    .openapi(
      createRoute({
        method: 'get',
        path: '/sign-in/capabilities',
        summary: 'Whether a browser sign-in can complete through a loopback callback here',
        responses: {
          200: jsonContent(signInCapabilitiesSchema, 'Capabilities'),
          ...errorResponses,
        },
      }),
      (c) => c.json(signIn().capabilities(), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/sign-in',
        summary: 'Start a Kiro sign-in (Google/GitHub, Builder ID, IAM Identity Center)',
        request: jsonBody(startSignInSchema),
        responses: {
          201: jsonContent(z.object({ session: signInSessionSchema }), 'The new sign-in'),
          ...errorResponses,
        },
      }),
      async (c) => {
        const session = await signIn().start(c.req.valid('json'), {
          userId: c.get('user').id,
          ip: clientInfo(c).ip ?? null,
        });
        await audit(deps.storage, c, {
          action: 'sign-in.start',
          targetType: 'sign-in',
          targetId: session.id,
          details: { method: session.method, flow: session.flow },
        });
        return c.json({ session }, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/sign-in/{id}',
        summary: 'A sign-in’s live state (poll it)',
        request: { params: idParamSchema },
        responses: { 200: sessionResponse, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const session = await signIn().get(id);
        if (session === undefined) throw notFound('sign-in', id);
        return c.json({ session }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/sign-in/{id}/callback',
        summary: 'Paste back the URL the browser landed on after signing in',
        request: { params: idParamSchema, ...jsonBody(signInCallbackSchema) },
        responses: { 200: sessionResponse, ...errorResponses },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const session = await signIn().callback(id, c.req.valid('json').url);
        return c.json({ session }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/sign-in/{id}/cancel',
        summary: 'Cancel a pending sign-in',
        request: { params: idParamSchema },
        responses: { 200: sessionResponse, ...errorResponses },
      }),
      async (c) => {
        const session = await signIn().cancel(c.req.valid('param').id);
        await audit(deps.storage, c, {
          action: 'sign-in.cancel',
          targetType: 'sign-in',
          targetId: session.id,
        });
        return c.json({ session }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/sign-in/{id}/resolve',
        summary:
          'Decide about an account that is already in the pool: update it, add another, or drop the sign-in',
        request: { params: idParamSchema, ...jsonBody(resolveSignInSchema) },
        responses: { 200: sessionResponse, ...errorResponses },
      }),
      async (c) => {
        const { action } = c.req.valid('json');
        const session = await signIn().resolve(c.req.valid('param').id, action);
        await audit(deps.storage, c, {
          action: 'sign-in.resolve',
          targetType: 'sign-in',
          targetId: session.id,
          details: { action },
        });
        return c.json({ session }, 200);
      },
    );
}
