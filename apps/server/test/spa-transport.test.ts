import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AppEnv } from '../src/http/app-env';
import { appWithSpa } from './helpers/app-with-spa';

let dist: string;
const script = `export const words = ${JSON.stringify('lorem ipsum '.repeat(2000))};\n`;

beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'octoproxy-spa-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(join(dist, 'assets', 'index-Ab12Cd34.js'), script);
  await writeFile(join(dist, 'assets', 'index-Ab12Cd34.js.map'), '{"sources":["src/main.tsx"]}');
  await writeFile(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
afterAll(() => rm(dist, { recursive: true, force: true }));

function app() {
  return appWithSpa(
    dist,
    new Hono<AppEnv>().get('/v1/stream', (c) =>
      c.body('data: x\n\n'.repeat(500), 200, { 'content-type': 'text/event-stream' }),
    ),
  );
}

const gzip = { 'accept-encoding': 'gzip, deflate, br' };

describe('the admin SPA over the wire', () => {
  it('compresses assets for clients that accept it', async () => {
    const response = await (await app()).request('/assets/index-Ab12Cd34.js', { headers: gzip });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 10);
    expect(gunzipSync(body).toString()).toBe(script);
  });

  it('caches hashed assets for a year and revalidates everything else', async () => {
    const served = await app();
    const asset = await served.request('/assets/index-Ab12Cd34.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/index.html', '/dashboard', '/favicon.svg']) {
      const response = await served.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  it('does not serve source maps, not even through the history fallback', async () => {
    const response = await (await app()).request('/assets/index-Ab12Cd34.js.map');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('src/main.tsx');
  });

  it('leaves proxy streams uncompressed (each event must leave at once)', async () => {
    const response = await (await app()).request('/v1/stream', { headers: gzip });
    expect(response.headers.get('content-encoding')).toBeNull();
  });
});
