import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';

import { PermissionError } from '../errors/permission-error';
import { readBearerToken } from './credentials';

export interface CsrfProtectionOptions {
  /**
   * Origins besides the server's own that may send state-changing requests, e.g. the public URL when
   * a TLS-terminating proxy hides it (`https://octo.example.com`) or a dev server of the admin UI.
   */
  trustedOrigins?: readonly string[];
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function reject(reason: string): never {
  throw new PermissionError({
    code: 'cross_site_request',
    message: `Cross-site request refused: ${reason}.`,
  });
}

/**
 * Refuses cross-site state-changing requests to the cookie-authenticated admin API, whatever their
 * content type. Hono's `csrf()` checks only form-like bodies and leaves JSON to CORS; this one
 * checks every unsafe method:
 * 1. `Authorization: Bearer` requests pass: browsers never attach that header on their own, and
 *    {@link sessionAuth} then ignores the cookie.
 * 2. `Sec-Fetch-Site: same-origin` passes (browsers set it; pages cannot forge it).
 * 3. Otherwise an `Origin` must be the server's own or a trusted one (`null` never is).
 * 4. With neither header the request is not from a current browser: it passes only if it carries
 *    no cookie, i.e. no ambient credential that could be abused.
 */
export function csrfProtection(options: CsrfProtectionOptions = {}): MiddlewareHandler {
  const trusted = new Set(options.trustedOrigins ?? []);
  const isTrustedOrigin = (origin: string, c: Context) =>
    trusted.has(origin) || origin === new URL(c.req.url).origin;

  return createMiddleware(async (c, next) => {
    if (!safeMethods.has(c.req.method) && readBearerToken(c) === undefined) {
      const fetchSite = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      if (fetchSite !== 'same-origin') {
        if (origin !== undefined) {
          if (!isTrustedOrigin(origin, c)) reject('the request comes from another origin');
        } else if (fetchSite !== undefined) {
          reject(`Sec-Fetch-Site is '${fetchSite}'`);
        } else if (c.req.header('cookie') !== undefined) {
          reject('a cookie-authenticated request must come from the admin UI');
        }
      }
    }
    await next();
  });
}
