import { once } from 'node:events';
import { createServer, type Server } from 'node:http';

/** The ports Kiro's own loopback logins used (19876–19880); the first free one is taken. */
export const defaultLoopbackPorts: readonly number[] = [19876, 19877, 19878, 19879, 19880];
export const loopbackCallbackPath = '/oauth/callback';

/** The page a browser sees at the end of a sign-in. */
export function callbackPage(ok: boolean, message: string): string {
  const title = ok ? 'Signed in' : 'Sign-in failed';
  const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body style="font-family:sans-serif;margin:3em"><h1>${escape(title)}</h1><p>${escape(message)}</p></body></html>`;
}

/**
 * A callback listener on 127.0.0.1 for sign-ins that redirect to a loopback URL: the browser of an
 * admin on the same machine lands here and the login completes by itself. It runs only while some
 * sign-in waits for it.
 */
export class LoopbackCallbackServer {
  #server: Server | undefined;
  #port: number | undefined;
  readonly #waiting = new Set<string>();

  constructor(
    private readonly options: {
      ports: readonly number[];
      /** Completes the sign-in the callback URL belongs to; resolves with what to show the browser. */
      onCallback: (url: string) => Promise<{ ok: boolean; message: string }>;
    },
  ) {}

  /** Listens (if not yet) for session `sessionId`; resolves with the redirect URI to register. */
  async open(sessionId: string): Promise<string> {
    if (this.#server === undefined) await this.#listen();
    this.#waiting.add(sessionId);
    return `http://127.0.0.1:${this.#port}${loopbackCallbackPath}`;
  }

  /**
   * Session `sessionId` no longer waits; the listener stops taking connections when none does. The
   * callback being answered (which may be the one releasing) still gets its page.
   */
  release(sessionId: string): void {
    this.#waiting.delete(sessionId);
    if (this.#waiting.size > 0 || this.#server === undefined) return;
    const server = this.#server;
    this.#server = undefined;
    this.#port = undefined;
    server.close();
    server.closeIdleConnections();
  }

  /** Stops at once (server shutdown). */
  async close(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    this.#port = undefined;
    this.#waiting.clear();
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #listen(): Promise<void> {
    let lastError: unknown;
    for (const port of this.options.ports) {
      const server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
        if (req.method !== 'GET' || url.pathname !== loopbackCallbackPath) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
          return;
        }
        this.options.onCallback(url.toString()).then(
          ({ ok, message }) => {
            res
              .writeHead(ok ? 200 : 400, {
                'content-type': 'text/html; charset=utf-8',
                // One callback per sign-in: no connection outlives the listener.
                connection: 'close',
              })
              .end(callbackPage(ok, message));
          },
          () => {
            res
              .writeHead(500, { 'content-type': 'text/html; charset=utf-8', connection: 'close' })
              .end(callbackPage(false, 'OctoProxy could not finish the sign-in.'));
          },
        );
      });
      try {
        server.listen(port, '127.0.0.1');
        await once(server, 'listening');
        this.#server = server;
        this.#port = port;
        return;
      } catch (error) {
        lastError = error;
        server.close();
      }
    }
    throw new Error(
      `No loopback callback port is free (${this.options.ports.join(', ')}): ${String(lastError)}`,
    );
  }
}
