import { Agent, ProxyAgent, Socks5ProxyAgent, buildConnector, type Dispatcher } from 'undici';

export interface DispatcherPoolOptions {
  /** TCP + TLS connect budget (to the target or to the proxy). Default 5 s. */
  connectTimeoutMs?: number;
  /** How long an idle keep-alive connection is kept. Default 60 s. */
  keepAliveTimeoutMs?: number;
  /** Connections per origin. Default unlimited. */
  connectionsPerOrigin?: number;
}

/**
 * One keep-alive dispatcher per egress route: direct, or per proxy URL (HTTP(S) via CONNECT, or
 * SOCKS5). Each keeps a connection pool per origin, so accounts behind the same proxy share
 * connections and accounts behind different proxies never do.
 */
export class DispatcherPool {
  readonly #options: Required<Omit<DispatcherPoolOptions, 'connectionsPerOrigin'>> &
    Pick<DispatcherPoolOptions, 'connectionsPerOrigin'>;
  readonly #dispatchers = new Map<string, Dispatcher>();

  constructor(options: DispatcherPoolOptions = {}) {
    this.#options = {
      connectTimeoutMs: options.connectTimeoutMs ?? 5_000,
      keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? 60_000,
      connectionsPerOrigin: options.connectionsPerOrigin,
    };
  }

  /** The dispatcher for a proxy URL (or direct when absent). */
  for(proxyUrl: string | undefined): Dispatcher {
    const key = proxyUrl ?? '';
    let dispatcher = this.#dispatchers.get(key);
    if (dispatcher === undefined) {
      dispatcher = this.#create(proxyUrl);
      this.#dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  }

  async close(): Promise<void> {
    const all = [...this.#dispatchers.values()];
    this.#dispatchers.clear();
    await Promise.all(all.map((dispatcher) => dispatcher.close()));
  }

  #create(proxyUrl: string | undefined): Dispatcher {
    const { connectTimeoutMs, keepAliveTimeoutMs, connectionsPerOrigin } = this.#options;
    const common = {
      keepAliveTimeout: keepAliveTimeoutMs,
      keepAliveMaxTimeout: Math.max(keepAliveTimeoutMs, 600_000),
      ...(connectionsPerOrigin === undefined ? {} : { connections: connectionsPerOrigin }),
    };
    if (proxyUrl === undefined) {
      return new Agent({ ...common, connect: { timeout: connectTimeoutMs } });
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
