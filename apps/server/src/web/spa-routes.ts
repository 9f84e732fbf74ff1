import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

import type { AppEnv } from '../http/app-env';

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>OctoProxy</title></head>
<body><h1>OctoProxy is running</h1>
<p>The admin web app is not built. Build it with <code>pnpm --filter @octoproxy/web build</code>
(or run <code>pnpm start</code> from the repository root) and reload this page.</p>
<p>The proxy API is available at <code>/v1/messages</code>, <code>/v1/chat/completions</code> and
<code>/v1/models</code>; the admin API at <code>/api</code>.</p></body></html>`;

/** API paths never fall back to the SPA: an unknown one is a JSON 404. */
function isApiPath(path: string): boolean {
  return /^\/(api|v1)(\/|$)/.test(path) || path === '/health' || path === '/metrics';
}

/**
 * Serves the built admin SPA with history fallback: a GET for any non-API path that is not a file
 * returns `index.html`, so deep links survive a reload.
 */
export function spaRoutes(distDir: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const indexPath = join(distDir, 'index.html');
  const built = existsSync(indexPath);
  app.get('*', async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    if (!built) return c.html(notBuiltPage, 200);
    let missing = false;
    const file = await serveStatic<AppEnv>({ root: distDir })(c, () => {
      missing = true;
      return Promise.resolve();
    });
    if (!missing && file instanceof Response) return file;
    c.header('cache-control', 'no-cache');
    return c.html(await readFile(indexPath, 'utf8'));
  });
  return app;
}
