import { OpenAPIHono } from '@hono/zod-openapi';
import { InvalidRequestError } from '@octoproxy/converters';

import type { AdminEnv } from './admin-env';

/**
 * An admin sub-app whose request validation failures become `InvalidRequestError`s, so they leave
 * through the app's one error handler as `{error:{message, code}}` with status 400.
 */
export function adminRouter(): OpenAPIHono<AdminEnv> {
  return new OpenAPIHono<AdminEnv>({
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
}
