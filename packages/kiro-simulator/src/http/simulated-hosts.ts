import { lookup as systemLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';

import { apiRegions } from '../accounts/account-types';

export type ServiceName = 'api' | 'auth' | 'oidc';

const awsRegionPattern = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

/** The upstream's host names, and the regions where each exists (kiro-protocol.md §1.1). */
const hostPatterns: {
  service: ServiceName;
  pattern: RegExp;
  exists: (region: string) => boolean;
}[] = [
  {
    service: 'api',
    pattern: /^q\.([a-z0-9-]+)\.amazonaws\.com$/,
    exists: (region) => (apiRegions as readonly string[]).includes(region),
  },
  {
    service: 'auth',
    pattern: /^prod\.([a-z0-9-]+)\.auth\.desktop\.kiro\.dev$/,
    exists: (region) => region === 'us-east-1',
  },
  {
    service: 'oidc',
    pattern: /^oidc\.([a-z0-9-]+)\.amazonaws\.com$/,
    exists: (region) => awsRegionPattern.test(region),
  },
];

export interface SimulatedHost {
  service: ServiceName;
  region: string;
  /** Whether the real host exists (resolves) in that region. */
  exists: boolean;
}

/** Which upstream service and region a host name stands for; undefined for any other name. */
export function simulatedHostOf(hostname: string): SimulatedHost | undefined {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  for (const { service, pattern, exists } of hostPatterns) {
    const region = pattern.exec(name)?.[1];
    if (region !== undefined) return { service, region, exists: exists(region) };
  }
  return undefined;
}

/** Whether a region's host of the service exists upstream. */
export function upstreamHostExists(service: ServiceName, region: string): boolean {
  return hostPatterns.find((entry) => entry.service === service)?.exists(region) ?? false;
}

/** The real host name of a service in a region, e.g. `q.us-east-1.amazonaws.com`. */
export function upstreamHostName(service: ServiceName, region: string): string {
  switch (service) {
    case 'api':
      return `q.${region}.amazonaws.com`;
    case 'auth':
      return `prod.${region}.auth.desktop.kiro.dev`;
    case 'oidc':
      return `oidc.${region}.amazonaws.com`;
  }
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    errno: -3008,
    syscall: 'getaddrinfo',
    hostname,
  });
}

/**
 * A DNS resolver (`dns.lookup`'s signature, for `net.connect({ lookup })` and undici's `connect`
 * options) in which the upstream's hosts that exist resolve to the simulator and the others do not
 * exist, as in production: a client sent to `q.us-east-2.amazonaws.com` fails with `ENOTFOUND`.
 * Every other name goes to the system resolver.
 */
export function simulatedLookup(address: string): LookupFunction {
  const family = address.includes(':') ? 6 : 4;
  return (
    hostname: string,
    options: LookupOptions,
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void,
  ) => {
    const host = simulatedHostOf(hostname);
    if (host === undefined) {
      systemLookup(
        hostname,
        { ...options, all: true },
        (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => {
          if (error !== null || options.all === true) callback(error, addresses);
          else callback(null, addresses[0]?.address ?? '', addresses[0]?.family);
        },
      );
      return;
    }
    process.nextTick(() => {
      if (!host.exists) callback(notFound(hostname), options.all === true ? [] : '');
      else if (options.all === true) callback(null, [{ address, family }]);
      else callback(null, address, family);
    });
  };
}
