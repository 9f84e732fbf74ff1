import type { Server, ServerOptions } from 'node:http';

import type { ServerConfig } from '../config/config-schema';

type Limits = Pick<
  ServerConfig,
  'requestTimeoutSeconds' | 'headersTimeoutSeconds' | 'maxConnections'
>;

/** Node checks both timeouts on this interval (30 s by default): a fraction of the shorter one. */
export function connectionServerOptions(config: Limits): ServerOptions {
  const shortestMs = Math.min(config.requestTimeoutSeconds, config.headersTimeoutSeconds) * 1000;
  return {
    connectionsCheckingInterval: Math.max(100, Math.min(30_000, Math.floor(shortestMs / 4))),
  };
}

/**
 * Bounds what a client can hold: the time to send headers and the whole request (a body trickled
 * byte by byte is cut), and the number of open connections (more are closed at once). Responses are
 * not timed here: long streams are governed by the upstream idle timeout.
 */
export function applyConnectionLimits(server: Server, config: Limits): void {
  const headersMs = config.headersTimeoutSeconds * 1000;
  const requestMs = config.requestTimeoutSeconds * 1000;
  // The headers are part of the request: their deadline is never later than the whole request's.
  server.headersTimeout = Math.min(headersMs, requestMs);
  server.requestTimeout = requestMs;
  server.maxConnections = config.maxConnections;
}
