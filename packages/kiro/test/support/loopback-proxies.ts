import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** Test-only egress proxies on loopback, counting the tunnels they open. */
export interface LoopbackProxy {
  url: string;
  tunnels: number;
  close(): Promise<void>;
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** An HTTP proxy that supports CONNECT tunnels. */
export async function startConnectProxy(): Promise<LoopbackProxy> {
  const sockets = new Set<Socket>();
  const proxy: LoopbackProxy = { url: '', tunnels: 0, close: () => closeServer(server, sockets) };
  const server = createHttpServer((_request, response) => response.writeHead(405).end());
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request, client: Socket, head: Buffer) => {
    const [host, port] = String(request.url).split(':');
    const upstream = connect(Number(port), host, () => {
      proxy.tunnels++;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

/** A SOCKS5 proxy (RFC 1928) with username/password authentication (RFC 1929). */
export async function startSocks5Proxy(credentials: {
  username: string;
  password: string;
}): Promise<LoopbackProxy> {
  const sockets = new Set<Socket>();
  const proxy: LoopbackProxy = { url: '', tunnels: 0, close: () => closeServer(server, sockets) };
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let stage: 'greeting' | 'auth' | 'request' = 'greeting';
    let buffer = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (stage === 'greeting' && buffer.length >= 2 && buffer.length >= 2 + buffer[1]!) {
        const methods = buffer.subarray(2, 2 + buffer[1]!);
        buffer = buffer.subarray(2 + buffer[1]!);
        if (!methods.includes(0x02)) return void client.end(Buffer.from([0x05, 0xff]));
        client.write(Buffer.from([0x05, 0x02]));
        stage = 'auth';
      }
      if (stage === 'auth' && buffer.length >= 2) {
        const userLength = buffer[1]!;
        const passLength = buffer[2 + userLength];
        if (passLength === undefined || buffer.length < 3 + userLength + passLength) return;
        const username = buffer.subarray(2, 2 + userLength).toString();
        const password = buffer.subarray(3 + userLength, 3 + userLength + passLength).toString();
        buffer = buffer.subarray(3 + userLength + passLength);
        const ok = username === credentials.username && password === credentials.password;
        client.write(Buffer.from([0x01, ok ? 0x00 : 0x01]));
        if (!ok) return void client.end();
        stage = 'request';
      }
      if (stage === 'request' && buffer.length >= 5) {
        const type = buffer[3];
        let host: string;
        let offset: number;
        if (type === 0x01) {
          host = [...buffer.subarray(4, 8)].join('.');
          offset = 8;
        } else if (type === 0x03) {
          host = buffer.subarray(5, 5 + buffer[4]!).toString();
          offset = 5 + buffer[4]!;
        } else return void client.end(Buffer.from([0x05, 0x08, 0x00, 0x01, 0, 0, 0, 0, 0, 0]));
        if (buffer.length < offset + 2) return;
        const port = buffer.readUInt16BE(offset);
        const rest = buffer.subarray(offset + 2);
        client.off('data', onData);
        const upstream = connect(port, host, () => {
          proxy.tunnels++;
          client.write(Buffer.from([0x05, 0x00, 0x00, 0x01, 127, 0, 0, 1, 0, 0]));
          if (rest.length > 0) upstream.write(rest);
          upstream.pipe(client).pipe(upstream);
        });
        sockets.add(upstream);
        upstream.on('error', () => client.destroy());
      }
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `socks5://${credentials.username}:${credentials.password}@127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
