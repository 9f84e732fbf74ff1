import { connect, type Socket } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { readEnv } from '../src/env';
import { startServer, type RunningServer } from '../src/runtime/start-server';
import { captureLogs } from './helpers/log-capture';
import { tempDir } from './helpers/temp-dir';

const cleanups: (() => Promise<void>)[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(env: Record<string, string>): Promise<RunningServer> {
  const dir = await tempDir('limits');
  cleanups.push(() => dir.remove());
  const server = await startServer({
    env: readEnv({
      OCTOPROXY_DATA_DIR: dir.path,
      OCTOPROXY_CONFIG: `${dir.path}/none.json`,
      OCTOPROXY_ADMIN_PASSWORD: 'limits-admin-password',
      ...env,
    }),
    webDistDir: undefined,
    logger: captureLogs().logger,
    port: 0,
    host: '127.0.0.1',
  });
  cleanups.push(() => server.close());
  return server;
}

/** A raw connection that records what the server sends and when it hangs up. */
async function open(port: number) {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, closed, received: () => received };
}

const healthRequest = 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n';

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('connection limits', () => {
  it('cuts a client that sends the headers, then trickles the body', async () => {
    const server = await start({ OCTOPROXY_REQUEST_TIMEOUT_SECONDS: '1' });
    const client = await open(server.port);
    client.socket.write(
      'POST /api/login HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
        'content-length: 100000\r\n\r\n{',
    );
    let sent = 1;
    const trickle = setInterval(() => {
      if (client.socket.writable) {
        client.socket.write(' ');
        sent += 1;
      }
    }, 100);
    try {
      await client.closed;
    } finally {
      clearInterval(trickle);
    }
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(sent).toBeLessThan(100_000);
  });

  it('refuses connections beyond the cap and accepts again once one closes', async () => {
    const server = await start({ OCTOPROXY_MAX_CONNECTIONS: '2' });
    const held = [await open(server.port), await open(server.port)];
    for (const connection of held) {
      connection.socket.write(healthRequest);
      await until(() => connection.received().includes('"status"'));
    }
    const refused = await open(server.port);
    refused.socket.write(healthRequest);
    await refused.closed;
    expect(refused.received()).toBe('');

    held[0]!.socket.destroy();
    await held[0]!.closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const next = await open(server.port);
    next.socket.write(healthRequest);
    await until(() => next.received().includes('"status"'));
    expect(next.received()).toMatch(/^HTTP\/1\.1 200/);
  });
});
