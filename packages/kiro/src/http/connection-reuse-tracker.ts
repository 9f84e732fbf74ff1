import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/** What one attempt learns about the connection it went out on. */
export interface ConnectionUse {
  /** True when the connection had carried one of our earlier requests (a pooled keep-alive socket). */
  reused?: boolean;
  /** The socket the request headers were written to. */
  socket?: { readonly bytesRead: number };
  /** `socket.bytesRead` when the request was written: any later growth is response bytes. */
  bytesReadAtSend?: number;
}

const sendHeadersChannel = 'undici:client:sendHeaders';

function socketOf(message: unknown): { readonly bytesRead: number } | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const socket = (message as { socket?: unknown }).socket;
  if (typeof socket !== 'object' || socket === null) return undefined;
  return typeof (socket as { bytesRead?: unknown }).bytesRead === 'number'
    ? (socket as { bytesRead: number })
    : undefined;
}

/**
 * Tells which connection a request went out on. undici's dispatch handlers are never told; its
 * `undici:client:sendHeaders` diagnostics message names the socket, and undici publishes it in the
 * same synchronous step as the handler's `onRequestStart`, right before writing. So an attempt calls
 * {@link track} from `onRequestStart` and the message that follows fills in its {@link ConnectionUse}.
 * Only our own requests are counted per socket (a proxy's CONNECT is not one of them).
 */
export class ConnectionReuseTracker {
  readonly #requestsBySocket = new WeakMap<object, number>();
  #starting: ConnectionUse | undefined;
  #subscribed = false;

  readonly #onSendHeaders = (message: unknown): void => {
    const use = this.#starting;
    if (use === undefined) return;
    this.#starting = undefined;
    const socket = socketOf(message);
    if (socket === undefined) return;
    const earlier = this.#requestsBySocket.get(socket) ?? 0;
    this.#requestsBySocket.set(socket, earlier + 1);
    use.reused = earlier > 0;
    use.socket = socket;
    use.bytesReadAtSend = socket.bytesRead;
  };

  /** Call from `onRequestStart`: the returned record is filled in when the headers go out. */
  track(): ConnectionUse {
    if (!this.#subscribed) {
      subscribe(sendHeadersChannel, this.#onSendHeaders);
      this.#subscribed = true;
    }
    const use: ConnectionUse = {};
    this.#starting = use;
    // A request aborted inside onRequestStart is never written: forget it before anything else runs.
    queueMicrotask(() => {
      if (this.#starting === use) this.#starting = undefined;
    });
    return use;
  }

  close(): void {
    if (!this.#subscribed) return;
    unsubscribe(sendHeadersChannel, this.#onSendHeaders);
    this.#subscribed = false;
  }
}
