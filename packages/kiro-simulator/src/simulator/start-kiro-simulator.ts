import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Exchange } from '../http/exchange';
import { readBody } from '../http/read-body';
import { sendJson } from '../http/responses';
import { routeRequest } from '../http/router';
import { maxImageBytes, maxImages } from '../validation/image-data';
import { preciseNow } from '../log/request-log';
import { controlRoute } from '../routes/control/control-routes';
import { createSimulatorApi, type KiroSimulator } from './kiro-simulator';
import type { KiroSimulatorOptions } from './simulator-options';
import { SimulatorState } from './simulator-state';

/**
 * Hard cap on buffered request bodies (413 beyond): room for the largest chat body the rules can
 * accept, `maxBodyBytes` of text plus 10 images of 10 MiB as base64, and a little more.
 */
function bodyCapBytes(maxBodyBytes: number): number {
  return maxBodyBytes + maxImages * Math.ceil(maxImageBytes / 3) * 4 + 1024 * 1024;
}

function headersOf(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(', ') : (value ?? ''),
    ]),
  );
}

function parseBodyForLog(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function handle(options: {
  state: SimulatorState;
  api: () => KiroSimulator;
  req: IncomingMessage;
  res: ServerResponse;
}): Promise<void> {
  const { state, req, res } = options;
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const isControl = url.pathname === '/__sim' || url.pathname.startsWith('/__sim/');
  const fields = {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: headersOf(req),
  };
  const log = isControl ? state.log.detached(fields) : state.log.open(fields);
  const closed = new AbortController();
  res.on('close', () => {
    if (res.writableFinished) return;
    if (log.outcome === 'pending') {
      log.outcome = 'client-closed';
      log.clientClosedAt = preciseNow();
      log.finishedAt = log.clientClosedAt;
    }
    closed.abort();
    state.log.notify();
  });
  const body = await readBody(req, bodyCapBytes(state.settings.maxBodyBytes));
  const bodyText = body.bytes.toString('utf8');
  log.bodyBytes = body.totalBytes;
  if (state.log.recordBodies) log.body = parseBodyForLog(bodyText);
  const exchange: Exchange = {
    req,
    res,
    url,
    bodyText,
    bodyBytes: body.totalBytes,
    log,
    closed: closed.signal,
    touch: () => state.log.notify(),
  };
  if (body.tooLarge) {
    sendJson(exchange, 413, { message: 'Request entity too large', reason: null });
    return;
  }
  if (isControl) {
    controlRoute(options.api(), exchange);
    return;
  }
  await routeRequest(exchange, state);
}

/**
 * Starts the Kiro simulator on loopback (port 0 by default): one server standing in for the API host,
 * the social auth host and the SSO-OIDC host, each with the region in the path.
 */
export async function startKiroSimulator(
  options: KiroSimulatorOptions = {},
): Promise<KiroSimulator> {
  const state = new SimulatorState(options);
  const created: { api?: KiroSimulator } = {};
  const api = (): KiroSimulator => {
    if (created.api === undefined) throw new Error('kiro-simulator is still starting');
    return created.api;
  };
  const server = createServer((req, res) => {
    handle({ state, api, req, res }).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) {
        res.destroy();
        return;
      }
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ message: `kiro-simulator failure: ${String(error)}`, reason: null }),
      );
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error === undefined ? resolve() : reject(error)));
      server.closeAllConnections();
    });
    return closing;
  };
  state.baseUrl = `http://${urlHost}:${port}`;
  created.api = createSimulatorApi({ state, url: state.baseUrl, address: host, port, close });
  return created.api;
}
