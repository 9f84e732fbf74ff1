import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import { RequestTooLargeError } from './http-errors';

/** Caps the request body; the limit is read per request so a settings change applies at once. */
export function liveBodyLimit(maxBytes: () => number): MiddlewareHandler {
  return (c, next) => {
    const maxSize = maxBytes();
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new RequestTooLargeError(maxSize);
      },
    })(c, next);
  };
}
