import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { InternalError, OctoProxyError, type ErrorKind } from '@octoproxy/converters';

import type { AppEnv } from './app-env';
import { callerProtocol } from './caller-protocol';
import { RouteNotFoundError } from './http-errors';
import { toKnownError } from './known-errors';
import { renderError } from './render-error';

const kindByStatus: Record<number, ErrorKind> = {
  400: 'invalid_request',
  401: 'authentication',
  403: 'permission',
  404: 'not_found',
  413: 'request_too_large',
  429: 'rate_limit',
};

/** Hono's own exceptions (e.g. from its middleware) join the one hierarchy by status. */
function fromHttpException(error: HTTPException): OctoProxyError {
  const kind = kindByStatus[error.status];
  if (kind === undefined) return new InternalError(error);
  return new OctoProxyError({
    kind,
    fault: 'client',
    code: kind,
    message: error.message || 'Request rejected.',
  });
}

function respond(c: Context<AppEnv>, thrown: unknown): Response {
  const error =
    thrown instanceof HTTPException
      ? fromHttpException(thrown)
      : InternalError.from(toKnownError(thrown));
  const log = c.get('log');
  if (error.kind === 'internal') {
    log.error({ err: error.cause ?? error }, 'unhandled error');
  } else {
    log.debug({ kind: error.kind, code: error.code, message: error.message }, 'request failed');
  }
  const rendered = renderError(error, {
    protocol: callerProtocol(c.req.path, c.req.raw.headers),
    requestId: c.get('requestId'),
  });
  return c.json(rendered.body, rendered.status as 400, rendered.headers);
}

/** Every error, thrown anywhere under the app, leaves through here in the caller's shape. */
export const errorHandler: ErrorHandler<AppEnv> = (thrown, c) => respond(c, thrown);

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  respond(c, new RouteNotFoundError(c.req.method, c.req.path));
