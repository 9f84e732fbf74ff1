import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { AppEnv } from '../src/http/app-env';
import { appWithSpa } from './helpers/app-with-spa';

let dist: string;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), 'octoproxy-headers-'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
});
afterAll(() => rm(dist, { recursive: true, force: true }));

function app() {
  return appWithSpa(
    dist,
    new Hono<AppEnv>().get('/api/thing', (c) => c.json({ ok: true })),
  );
}

describe('security headers', () => {
  it('go out on every kind of response: SPA, admin API, proxy errors, health', async () => {
    const served = await app();
    for (const path of ['/', '/login', '/api/thing', '/api/nothing', '/v1/messages', '/health']) {
      const response = await served.request(path);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-eval');
    }
  });
});
