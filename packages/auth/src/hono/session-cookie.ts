import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

import type { IssuedSession } from '../sessions/session-service';

const maxCookieAgeMs = 399 * 86_400_000;

export interface SessionCookieOptions {
  /**
   * Send the cookie over HTTPS only. Set it whenever users reach the admin UI over HTTPS; leave it off
   * only for plain-HTTP LAN deployments, where browsers would otherwise drop the cookie and nobody
   * could log in. When on, the cookie also gets the `__Host-` prefix (host-only, path `/`).
   * A function decides per request (e.g. on when the request came over HTTPS).
   */
  secure: boolean | ((c: Context) => boolean);
  /** Default `octoproxy_session`. */
  name?: string;
}

/** The admin session cookie: HttpOnly (no script can read it), SameSite=Lax, path `/`. */
export interface SessionCookie {
  readonly name: string;
  read(c: Context): string | undefined;
  /** Sets the cookie to a new session; it expires with the session's absolute timeout. */
  set(c: Context, issued: IssuedSession): void;
  clear(c: Context): void;
}

export function createSessionCookie(options: SessionCookieOptions): SessionCookie {
  const baseName = options.name ?? 'octoproxy_session';
  const secureName = `__Host-${baseName}`;
  const isSecure = (c: Context) =>
    typeof options.secure === 'function' ? options.secure(c) : options.secure;
  const attributesFor = (secure: boolean) =>
    ({ path: '/', httpOnly: true, sameSite: 'Lax', secure }) as const;

  return {
    name: options.secure === true ? secureName : baseName,
    // Browsers only keep a `__Host-` cookie that came over HTTPS, so either name is trustworthy.
    read: (c) => getCookie(c, secureName) ?? getCookie(c, baseName),
    set(c, issued) {
      // Browsers cap cookie lifetimes at 400 days (and Hono refuses longer); the server-side expiry
      // is what counts either way.
      const expires = new Date(
        Math.min(issued.session.expiresAt.getTime(), Date.now() + maxCookieAgeMs),
      );
      const secure = isSecure(c);
      setCookie(c, secure ? secureName : baseName, issued.token, {
        ...attributesFor(secure),
        expires,
      });
    },
    clear(c) {
      const secure = isSecure(c);
      deleteCookie(c, secure ? secureName : baseName, attributesFor(secure));
    },
  };
}
