import type { LookupFunction } from 'node:net';

import { Agent, ProxyAgent, Socks5ProxyAgent, buildConnector, type Dispatcher } from 'undici';

import { ConnectionReuseTracker } from './connection-reuse-tracker';
import { staleConnectionRetry } from './stale-connection-retry';

export interface DispatcherPoolOptions {
  /** TCP + TLS connect budget (to the target or to the proxy). Default 5 s. */
  connectTimeoutMs?: number;
  /** How long an idle keep-alive connection is kept. Default 60 s. */
  keepAliveTimeoutMs?: number;
  /** Connections per origin. Default unlimited. */
  connectionsPerOrigin?: number;
  /**
   * Resolves the host names of direct connections (Node's `dns.lookup` by default). Tests pass a
   * resolver that knows only the hosts that exist, so a missing host fails as it does in production.
   */
  lookup?: LookupFunction;
}

/**
 * One keep-alive dispatcher per egress route: direct, or per proxy URL (HTTP(S) via CONNECT, or
 * SOCKS5). Each keeps a connection pool per origin, so accounts behind the same proxy share
 * connections and accounts behind different proxies never do. A request that a stale pooled
 * connection drops before any response byte is sent once more on a new connection of the same route
 * (see {@link staleConnectionRetry}).
 */
export class DispatcherPool {
  readonly #options: Required<Omit<DispatcherPoolOptions, 'connectionsPerOrigin' | 'lookup'>> &
    Pick<DispatcherPoolOptions, 'connectionsPerOrigin' | 'lookup'>;
  readonly #dispatchers = new Map<string, Dispatcher>();
  readonly #tracker = new ConnectionReuseTracker();
  /** One-request dispatchers of retries still closing. */
  readonly #retryDispatchers = new Set<Dispatcher>();

  constructor(options: DispatcherPoolOptions = {}) {
    this.#options = {
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? 60_000,
      connectionsPerOrigin: options.connectionsPerOrigin,
      lookup: options.lookup,
    };
  }

  /** The dispatcher for a proxy URL (or direct when absent). */
  for(proxyUrl: string | undefined): Dispatcher {
    const key = proxyUrl ?? '';
    let dispatcher = this.#dispatchers.get(key);
    if (dispatcher === undefined) {
      dispatcher = this.#create(proxyUrl).compose(
        staleConnectionRetry({
          tracker: this.#tracker,
          dispatchOnNewConnection: (opts, handler) => {
            this.#dispatchOnce(proxyUrl, opts, handler);
          },
        }),
      );
      this.#dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  }

  async close(): Promise<void> {
    const all = [...this.#dispatchers.values(), ...this.#retryDispatchers];
    this.#dispatchers.clear();
    this.#tracker.close();
    await Promise.all(all.map((dispatcher) => dispatcher.close()));
  }

  /**
   * Sends one request through a dispatcher of its own (so on a new connection of the route), closed
   * as soon as that request is done with it.
   */
  #dispatchOnce(
    proxyUrl: string | undefined,
    opts: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ): void {
    const dispatcher = this.#create(proxyUrl);
    this.#retryDispatchers.add(dispatcher);
    try {
      dispatcher.dispatch(opts, handler);
    } finally {
      // undici's close lets the dispatched request finish first.
      void dispatcher
        .close()
        .catch(() => undefined)
        .finally(() => this.#retryDispatchers.delete(dispatcher));
    }
  }

  #create(proxyUrl: string | undefined): Dispatcher {
    const { connectTimeoutMs, keepAliveTimeoutMs, connectionsPerOrigin, lookup } = this.#options;
    const common = {
      keepAliveTimeout: keepAliveTimeoutMs,
      keepAliveMaxTimeout: Math.max(keepAliveTimeoutMs, 600_000),
      ...(connectionsPerOrigin === undefined ? {} : { connections: connectionsPerOrigin }),
    };
    if (proxyUrl === undefined) {
      return new Agent({
        ...common,
        connect: { timeout: connectTimeoutMs, ...(lookup === undefined ? {} : { lookup }) },
      });
    }
    const protocol = new URL(proxyUrl).protocol;
    if (protocol === 'socks5:' || protocol === 'socks:') {
      return new Socks5ProxyAgent(proxyUrl, {
        ...common,
        connect: buildConnector({ timeout: connectTimeoutMs }),
      });
    }
    if (protocol === 'http:' || protocol === 'https:') {
      return new ProxyAgent({
        uri: proxyUrl,
        ...common,
        connect: { timeout: connectTimeoutMs },
        proxyTls: { timeout: connectTimeoutMs },
      });
    }
    throw new TypeError(`Unsupported proxy protocol "${protocol}" (use http, https or socks5).`);
  }
}
