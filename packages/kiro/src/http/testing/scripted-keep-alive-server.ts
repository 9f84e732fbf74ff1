import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the server saw it. */
export interface SeenRequest {
  /** 0 for the first connection the server accepted, 1 for the next… */
  connection: number;
  /** 0 for the first request on its connection: above 0 means a reused keep-alive connection. */
  onConnection: number;
  body: string;
  /** Resolves when the client closed the connection before the response ended. */
  clientClosed: Promise<void>;
}

/** What the server does with a request. */
export type ScriptedAnswer =
  | { type: 'ok'; text?: string }
  /** Closes the connection without a response byte: a stale keep-alive socket, or a reset. */
  | { type: 'close' }
  /** Sends the status line and headers (and `body`, if any), then closes mid-response. */
  | { type: 'headers-then-close'; body?: string }
  /** Sends the first bytes of a status line, then closes. */
  | { type: 'partial-status-then-close' }
  /** Never answers (until the client gives up). */
  | { type: 'hold' };

export interface ScriptedKeepAliveServer {
  url: string;
  seen: SeenRequest[];
  /** Resolves with the nth request (0-based) once it has arrived. */
  request: (index: number) => Promise<SeenRequest>;
  close: () => Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function answer(res: ServerResponse, socket: Socket, scripted: ScriptedAnswer): void {
  switch (scripted.type) {
    case 'ok': {
      const text = scripted.text ?? 'ok';
      res.writeHead(200, {
        'content-type': 'text/plain',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
      return;
    }
    case 'close':
      socket.destroy();
      return;
    case 'headers-then-close':
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.flushHeaders();
      if (scripted.body !== undefined) res.write(scripted.body);
      setImmediate(() => socket.destroy());
      return;
    case 'partial-status-then-close':
      socket.write('HTTP/1.1 20');
      setImmediate(() => socket.destroy());
      return;
    case 'hold':
      return;
  }
}

/**
 * A loopback HTTP/1.1 keep-alive server whose answer to each request is scripted from what it knows
 * about the connection: which connection it is and how many requests that connection carried before.
 */
export async function startScriptedKeepAliveServer(
  script: (request: SeenRequest, index: number) => ScriptedAnswer,
): Promise<ScriptedKeepAliveServer> {
  const connectionIds = new WeakMap<Socket, number>();
  const requestsOn = new WeakMap<Socket, number>();
  const sockets = new Set<Socket>();
  const seen: SeenRequest[] = [];
  const waiters = new Map<number, (request: SeenRequest) => void>();
  let connections = 0;

  const server = createServer((req, res) => {
    const socket = req.socket;
    const onConnection = requestsOn.get(socket) ?? 0;
    requestsOn.set(socket, onConnection + 1);
    const clientClosed = new Promise<void>((resolve) => {
      res.once('close', () => {
        if (!res.writableFinished) resolve();
      });
    });
    void readBody(req).then((body) => {
      const request = {
        connection: connectionIds.get(socket) ?? -1,
        onConnection,
        body,
        clientClosed,
      };
      const index = seen.push(request) - 1;
      waiters.get(index)?.(request);
      answer(res, socket, script(request, index));
    });
  });
  server.on('connection', (socket: Socket) => {
    connectionIds.set(socket, connections++);
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    request: (index) => {
      const arrived = seen[index];
      if (arrived !== undefined) return Promise.resolve(arrived);
      return new Promise((resolve) => waiters.set(index, resolve));
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
