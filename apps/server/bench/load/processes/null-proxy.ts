import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';

import { Pool } from 'undici';

// Hop-by-hop headers (RFC 9110 §7.6.1) are the connection's own, never forwarded.
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']);

function forwardable(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !hopByHop.has(name)) out[name] = value;
  }
  return out;
}

/**
 * The Node floor (baseline B1): an HTTP server that forwards every request to one upstream origin
 * over a keep-alive undici pool and streams the answer back. No auth, parsing or translation, so
 * what it costs is what any Node proxy on this machine costs.
 */
export async function startNullProxy(options: {
  upstream: string;
  port?: number;
}): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const pool = new Pool(options.upstream, { pipelining: 1, keepAliveTimeout: 60_000 });
  const server = createServer((req, res) => {
    pool
      .request({
        method: req.method as 'POST',
        path: req.url ?? '/',
        headers: forwardable(req.headers),
        body: req.method === 'GET' || req.method === 'HEAD' ? null : req,
      })
      .then(async (upstream) => {
        res.writeHead(upstream.statusCode, forwardable(upstream.headers));
        res.flushHeaders();
        await pipeline(upstream.body, res);
      })
      .catch(() => {
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(options.port ?? 0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.close();
    },
  };
}
