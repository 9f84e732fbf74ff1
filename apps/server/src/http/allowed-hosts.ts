import { networkInterfaces } from 'node:os';

import { OctoProxyError } from '@octoproxy/converters';
import type { MiddlewareHandler } from 'hono';

const loopbackNames = ['localhost', '127.0.0.1', '::1'];
const wildcardAddresses = new Set(['0.0.0.0', '::', '']);

/** The request's `Host` names a server this one does not claim to be (DNS rebinding). */
export class HostNotAllowedError extends OctoProxyError {
  constructor(host: string) {
    super({
      kind: 'permission',
      fault: 'client',
      code: 'host_not_allowed',
      message: `This server does not answer to the host name "${host}". Add it to allowedHosts (or OCTOPROXY_ALLOWED_HOSTS) if it is this server's public name.`,
    });
  }
}

/** The host name of a `Host` header value: port and IPv6 brackets removed, lower case. */
export function hostNameOf(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']'));
  const colon = value.indexOf(':');
  return colon === -1 ? value : value.slice(0, colon);
}

/** The machine's own addresses, which a server listening on every interface answers to. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((entries) =>
    (entries ?? []).map((entry) => entry.address.toLowerCase()),
  );
}

/**
 * The host names the admin API answers: loopback names, the listen address (every interface address
 * when it listens on all), the hosts of the trusted origins, and the configured names.
 */
export function allowedHostNames(options: {
  listenHost: string;
  allowedHosts: readonly string[];
  trustedOrigins: readonly string[];
}): Set<string> {
  const names = new Set(loopbackNames);
  const listen = hostNameOf(options.listenHost);
  if (wildcardAddresses.has(listen)) for (const address of interfaceAddresses()) names.add(address);
  else names.add(listen);
  for (const origin of options.trustedOrigins) names.add(hostNameOf(new URL(origin).host));
  for (const name of options.allowedHosts) names.add(hostNameOf(name));
  return names;
}

/**
 * Refuses requests whose `Host` is not one of `allowed()`: a page on another origin that rebinds its
 * name to this server's address sends its own name, so it never reaches the admin API.
 */
export function allowedHostsGuard(allowed: () => ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    if (!allowed().has(hostNameOf(host))) throw new HostNotAllowedError(host);
    await next();
  };
}
