import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * Headers every response carries. The SPA loads its scripts, styles and data from this origin only;
 * inline styles stay allowed because the UI library sets `style` attributes. No page may frame it.
 */
export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    // Plain HTTP on a LAN is a supported setup; HSTS belongs to the TLS proxy in front.
    strictTransportSecurity: false,
    // Browsers call the proxy API from other origins (web clients); do not block their reads.
    crossOriginResourcePolicy: false,
  });
}
