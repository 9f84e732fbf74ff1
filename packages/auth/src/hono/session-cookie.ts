import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

import type { IssuedSession } from '../sessions/session-service';

const maxCookieAgeMs = 399 * 86_400_000;

export interface SessionCookieOptions {
  /**
   * Send the cookie over HTTPS only. Set it whenever users reach the admin UI over HTTPS; leave it off
   * only for plain-HTTP LAN deployments, where browsers would otherwise drop the cookie and nobody
   * could log in. When on, the cookie also gets the `__Host-` prefix (host-only, path `/`).
   */
  secure: boolean;
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
  const name = options.secure ? `__Host-${baseName}` : baseName;
  const attributes = {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: options.secure,
  } as const;

  return {
    name,
    read: (c) => getCookie(c, name),
    set(c, issued) {
      // Browsers cap cookie lifetimes at 400 days (and Hono refuses longer); the server-side expiry
      // is what counts either way.
      const expires = new Date(
        Math.min(issued.session.expiresAt.getTime(), Date.now() + maxCookieAgeMs),
      );
      setCookie(c, name, issued.token, { ...attributes, expires });
    },
    clear(c) {
      deleteCookie(c, name, attributes);
    },
  };
}
