import { toAnthropicError, toOpenAIError } from '@octoproxy/converters';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * The app's single onError, as apps/server does it: Anthropic shape for /v1/messages, OpenAI shape
 * for other /v1 routes, a plain JSON shape for /api.
 */
export function renderError(error: Error, c: Context): Response {
  const path = c.req.path;
  if (path.startsWith('/v1/messages')) {
    const rendered = toAnthropicError(error);
    return c.json(rendered.body, rendered.status as ContentfulStatusCode, rendered.headers);
  }
  const rendered = toOpenAIError(error);
  if (path.startsWith('/v1/')) {
    return c.json(rendered.body, rendered.status as ContentfulStatusCode, rendered.headers);
  }
  return c.json(
    { error: { code: rendered.body.error.code, message: rendered.body.error.message } },
    rendered.status as ContentfulStatusCode,
    rendered.headers,
  );
}
