import type { Context } from 'hono';

/**
 * Whether the browser reached the server over HTTPS: the request URL says so (TLS here), or a
 * reverse proxy the admin trusts (`trustProxy`) says so in `X-Forwarded-Proto`. Without that
 * setting the header is ignored, since any client can send it.
 */
export function requestIsHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (!trustProxy) return false;
  // A chain of proxies lists one value per hop; the first is what the browser used.
  const forwarded = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
  return forwarded === 'https';
}
