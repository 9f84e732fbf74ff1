import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AddressPolicy } from './address-policy';
import { fetchImage, type FetchImageOptions } from './fetch-image';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let server: Server;
let port: number;
const hosts: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    hosts.push(request.headers.host ?? '');
    switch (request.url) {
      case '/cat.png':
        response.writeHead(200, { 'content-type': 'image/png' }).end(png);
        return;
      case '/lying.png':
        response.writeHead(200, { 'content-type': 'image/png' }).end('<svg></svg>');
        return;
      case '/big.png':
        response.writeHead(200, { 'content-type': 'image/png' });
        response.end(Buffer.alloc(64 * 1024, 1));
        return;
      case '/slow.png':
        response.writeHead(200, { 'content-type': 'image/png' });
        response.write(png.subarray(0, 10));
        return;
      case '/redirect':
        response.writeHead(302, { location: '/cat.png' }).end();
        return;
      case '/redirect-metadata':
        response.writeHead(302, { location: 'http://169.254.169.254/latest' }).end();
        return;
      default:
        response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const loopbackAllowed: FetchImageOptions = {
  policy: new AddressPolicy(['127.0.0.0/8']),
  maxBytes: 32 * 1024,
  timeoutMs: 2000,
};

describe('fetchImage', () => {
  it('downloads, sniffs and encodes an allowed image', async () => {
    const image = await fetchImage(`http://127.0.0.1:${port}/cat.png`, loopbackAllowed);
    expect(image.mediaType).toBe('image/png');
    expect(Buffer.from(image.base64, 'base64').equals(png)).toBe(true);
  });

  it('refuses loopback and private targets unless allowed', async () => {
    const strict = { ...loopbackAllowed, policy: new AddressPolicy([]) };
    await expect(fetchImage(`http://127.0.0.1:${port}/cat.png`, strict)).rejects.toThrow(
      /not publicly routable/,
    );
    await expect(fetchImage('http://[::1]/x.png', strict)).rejects.toThrow(/not publicly routable/);
  });

  it('refuses names that resolve to any forbidden address and pins the checked one', async () => {
    const strict = { ...loopbackAllowed, policy: new AddressPolicy([]) };
    const rebinding = {
      ...strict,
      resolve: () =>
        Promise.resolve([
          { address: '93.184.216.34', family: 4 },
          { address: '127.0.0.1', family: 4 },
        ]),
    };
    await expect(fetchImage('http://images.example/cat.png', rebinding)).rejects.toThrow(
      /not publicly routable/,
    );
    const pinned = {
      ...loopbackAllowed,
      resolve: () => Promise.resolve([{ address: '127.0.0.1', family: 4 }]),
    };
    const image = await fetchImage(`http://images.example:${port}/cat.png`, pinned);
    expect(image.mediaType).toBe('image/png');
    expect(hosts.at(-1)).toBe(`images.example:${port}`);
  });

  it('re-checks every redirect hop', async () => {
    const followed = await fetchImage(`http://127.0.0.1:${port}/redirect`, loopbackAllowed);
    expect(followed.mediaType).toBe('image/png');
    await expect(
      fetchImage(`http://127.0.0.1:${port}/redirect-metadata`, loopbackAllowed),
    ).rejects.toThrow(/169\.254\.169\.254.*not publicly routable/);
  });

  it('refuses other schemes, oversized bodies, non-images and slow servers', async () => {
    await expect(fetchImage('file:///etc/passwd', loopbackAllowed)).rejects.toThrow(
      /only http and https/,
    );
    await expect(fetchImage(`http://127.0.0.1:${port}/big.png`, loopbackAllowed)).rejects.toThrow(
      /larger than/,
    );
    await expect(fetchImage(`http://127.0.0.1:${port}/lying.png`, loopbackAllowed)).rejects.toThrow(
      /not a JPEG, PNG, GIF or WebP/,
    );
    await expect(
      fetchImage(`http://127.0.0.1:${port}/slow.png`, { ...loopbackAllowed, timeoutMs: 200 }),
    ).rejects.toThrow(/timed out/);
    await expect(fetchImage(`http://127.0.0.1:${port}/gone.png`, loopbackAllowed)).rejects.toThrow(
      /answered 404/,
    );
  });
});
