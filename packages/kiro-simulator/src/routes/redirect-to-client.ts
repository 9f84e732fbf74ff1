import type { Exchange } from '../http/exchange';
import { finish, writeHead } from '../http/responses';

/**
 * Ends a browser sign-in: a 302 back to the client's `redirectUri` with the outcome (`code`, or
 * `error`) and the client's `state` in the query.
 */
export function redirectToClient(
  exchange: Exchange,
  options: { redirectUri: string; outcome: { code: string } | { error: string }; state: string },
): void {
  const target = new URL(options.redirectUri);
  for (const [name, value] of Object.entries(options.outcome)) target.searchParams.set(name, value);
  target.searchParams.set('state', options.state);
  writeHead(exchange, 302, { location: target.toString() });
  finish(exchange);
}
