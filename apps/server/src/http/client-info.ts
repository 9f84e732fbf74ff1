import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';

/** The peer address and user agent, for login throttling, sessions and the audit log. */
export function clientInfo(c: Context): { ip: string | undefined; userAgent: string | undefined } {
  const bindings = c.env as Partial<HttpBindings> | undefined;
  return {
    ip: bindings?.incoming?.socket.remoteAddress ?? undefined,
    userAgent: c.req.header('user-agent')?.slice(0, 256),
  };
}
