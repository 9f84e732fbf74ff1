import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

import { RequestTooLargeError } from './http-errors';

/**
 * Caps the request body; the limit is read per request so a settings change applies at once. The
 * middleware is built again only when the limit changes.
 */
export function liveBodyLimit(maxBytes: () => number): MiddlewareHandler {
  let current: { maxSize: number; middleware: MiddlewareHandler } | undefined;
  return (c, next) => {
    const maxSize = maxBytes();
    if (current?.maxSize !== maxSize) {
      current = {
        maxSize,
        middleware: bodyLimit({
          maxSize,
          onError: () => {
            throw new RequestTooLargeError(maxSize);
          },
        }),
      };
    }
    return current.middleware(c, next);
  };
}
