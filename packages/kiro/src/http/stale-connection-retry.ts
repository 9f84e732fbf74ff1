import type { IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';

import type { Dispatcher } from 'undici';

import type { ConnectionReuseTracker, ConnectionUse } from './connection-reuse-tracker';
import { ForwardingController } from './forwarding-controller';

export interface StaleConnectionRetryOptions {
  tracker: ConnectionReuseTracker;
  /** Sends the retry on a new connection of the same route (never a pooled one). */
  dispatchOnNewConnection: (
    opts: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ) => void;
}

/** The connection went away under the request: closed, reset, or broken while writing. */
const droppedConnectionCodes = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE']);

function codeOf(error: Error): string {
  const { code } = error as { code?: unknown };
  return typeof code === 'string' ? code : '';
}

/** Only bodies undici can send twice (strings and bytes); streams are consumed by the first try. */
function isReplayable(body: Dispatcher.DispatchOptions['body']): boolean {
  return (
    body === undefined || body === null || typeof body === 'string' || body instanceof Uint8Array
  );
}

/**
 * An undici interceptor for stale keep-alive connections. A pooled connection the server already
 * closed (idle timeout, restart, a load balancer) fails the next request with "other side closed" or
 * a reset before any response byte, although the server never saw it. Like browsers and Go's
 * net/http, the request is then sent once more, on a new connection, when all of these hold:
 *
 * - the failure is a dropped connection (`UND_ERR_SOCKET`, `ECONNRESET`, `EPIPE`), not a timeout;
 * - the connection was reused (it had carried an earlier request of ours);
 * - no response header and no response byte arrived on it after the request was written;
 * - the caller did not abort, the body can be sent again, and the caller's headers budget is not
 *   spent (the retry gets what is left of it);
 * - it is the first retry.
 *
 * undici's own `RetryAgent` does not fit a streaming POST: it cannot tell a reused connection from a
 * fresh one, and after response bytes it resumes with a `Range` request, which would replay the call.
 */
export function staleConnectionRetry(
  options: StaleConnectionRetryOptions,
): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (opts, handler) =>
    isReplayable(opts.body)
      ? dispatch(opts, new StaleConnectionRetryHandler({ ...options, opts, handler }))
      : dispatch(opts, handler);
}

class StaleConnectionRetryHandler implements Dispatcher.DispatchHandler {
  readonly #options: StaleConnectionRetryOptions;
  readonly #opts: Dispatcher.DispatchOptions;
  readonly #downstream: Dispatcher.DispatchHandler;
  readonly #controller = new ForwardingController((reason) => {
    this.#fail(reason);
  });
  readonly #startedAt = performance.now();
  #use: ConnectionUse | undefined;
  #downstreamStarted = false;
  #responseStarted = false;
  #retried = false;
  #done = false;

  constructor(
    options: StaleConnectionRetryOptions & {
      opts: Dispatcher.DispatchOptions;
      handler: Dispatcher.DispatchHandler;
    },
  ) {
    this.#options = options;
    this.#opts = options.opts;
    this.#downstream = options.handler;
  }

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.#use = this.#options.tracker.track();
    this.#controller.attach(controller);
    if (this.#done || this.#downstreamStarted) return;
    this.#downstreamStarted = true;
    this.#downstream.onRequestStart?.(this.#controller, context);
  }

  onRequestUpgrade(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    socket: Duplex,
  ): void {
    this.#responseStarted = true;
    if (this.#done) return;
    this.#downstream.onRequestUpgrade?.(this.#controller, statusCode, headers, socket);
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    this.#responseStarted = true;
    if (this.#done) return;
    this.#downstream.onResponseStart?.(this.#controller, statusCode, headers, statusMessage);
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#done) return;
    this.#downstream.onResponseData?.(this.#controller, chunk);
  }

  onResponseEnd(_controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void {
    if (this.#done) return;
    this.#done = true;
    this.#downstream.onResponseEnd?.(this.#controller, trailers);
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    if (this.#done) return;
    const headersTimeout = this.#remainingHeadersTimeout();
    if (this.#mayRetry(error) && headersTimeout !== 0) {
      this.#retry(headersTimeout);
      return;
    }
    this.#fail(error);
  }

  #fail(error: Error): void {
    if (this.#done) return;
    this.#done = true;
    this.#downstream.onResponseError?.(this.#controller, error);
  }

  #mayRetry(error: Error): boolean {
    const use = this.#use;
    return (
      !this.#retried &&
      !this.#responseStarted &&
      !this.#controller.aborted &&
      droppedConnectionCodes.has(codeOf(error)) &&
      use?.reused === true &&
      use.socket?.bytesRead === use.bytesReadAtSend
    );
  }

  /** What is left of the caller's headers budget: undefined when none was set, 0 when spent. */
  #remainingHeadersTimeout(): number | undefined {
    const budget = this.#opts.headersTimeout;
    if (budget === undefined || budget === null) return undefined;
    return Math.max(0, Math.floor(budget - (performance.now() - this.#startedAt)));
  }

  #retry(headersTimeout: number | undefined): void {
    this.#retried = true;
    this.#use = undefined;
    this.#controller.detach();
    this.#options.dispatchOnNewConnection(
      headersTimeout === undefined ? this.#opts : { ...this.#opts, headersTimeout },
      this,
    );
  }
}
