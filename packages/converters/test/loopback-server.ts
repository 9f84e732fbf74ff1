import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the handler sees of a request. */
export interface LoopbackRequest {
  method: string;
  url: string;
  body: unknown;
}

export interface LoopbackServer {
  url: string;
  close: () => Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of request) chunks.push(chunk as Uint8Array);
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) that answers with Web `Response`s, streaming their bodies
 * chunk by chunk, so the official SDKs read our bytes exactly as they would from a gateway.
 */
export async function startLoopbackServer(
  handler: (request: LoopbackRequest) => Response | Promise<Response>,
): Promise<LoopbackServer> {
  const server = createServer((request, response) => {
    void (async () => {
      const answer = await handler({
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        body: await readBody(request),
      });
      response.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
      if (answer.body === null) {
        response.end();
        return;
      }
      const reader = answer.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        response.write(value);
      }
      response.end();
    })().catch((error: unknown) => {
      response.destroy(error as Error);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}

export function sseResponse(body: ReadableStream<Uint8Array>): Response {
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}
