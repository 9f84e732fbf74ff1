import { OpenAPIHono } from '@hono/zod-openapi';
import { InvalidRequestError } from '@octoproxy/converters';
import { HTTPException } from 'hono/http-exception';

import type { AdminEnv } from './admin-env';

/**
 * An admin sub-app whose request validation failures (a body that is not JSON included) become
 * `InvalidRequestError`s, so they leave through the app's one error handler as
 * `{error:{message, code}}` with status 400.
 */
export function adminRouter(): OpenAPIHono<AdminEnv> {
  const router = new OpenAPIHono<AdminEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const path = issue?.path.map(String).join('.') ?? '';
      throw new InvalidRequestError({
        message: path ? `${path}: ${issue?.message ?? 'invalid'}` : (issue?.message ?? 'Invalid.'),
        param: path || undefined,
      });
    },
  });
  // The body gate answers a non-JSON body (a `text/plain` form post) with Hono's bare 415, which
  // the app's handler does not know; say what is wrong in the admin API's own error shape.
  router.onError((error) => {
    if (error instanceof HTTPException && error.status === 415) {
      throw new InvalidRequestError({
        code: 'unsupported_media_type',
        message: 'The request body must be JSON, sent with Content-Type: application/json.',
      });
    }
    throw error;
  });
  return router;
}
