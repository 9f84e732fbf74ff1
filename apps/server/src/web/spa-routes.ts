import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';

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

/** Vite names files under `assets/` by their content hash: a changed file gets a new name. */
const hashedAssetCache = 'public, max-age=31536000, immutable';

/** Source maps would publish the sources; a build that still emits them is not served them. */
function isSourceMap(path: string): boolean {
  return path.endsWith('.map');
}

/**
 * Serves the built admin SPA with history fallback: a GET for any non-API path that is not a file
 * returns `index.html`, so deep links survive a reload. Responses are compressed; hashed assets are
 * cached for a year, everything else is revalidated so a new build shows at once.
 */
export function spaRoutes(distDir: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const indexPath = join(distDir, 'index.html');
  const built = existsSync(indexPath);
  const compressed = compress();
  app.get('*', async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    return compressed(c, next);
  });
  app.get('*', async (c, next) => {
    if (isApiPath(c.req.path)) return next();
    if (!built) return c.html(notBuiltPage, 200);
    if (isSourceMap(c.req.path)) return next();
    let missing = false;
    const file = await serveStatic<AppEnv>({ root: distDir })(c, () => {
      missing = true;
      return Promise.resolve();
    });
    if (!missing && file instanceof Response) {
      file.headers.set(
        'cache-control',
        c.req.path.startsWith('/assets/') ? hashedAssetCache : 'no-cache',
      );
      return file;
    }
    c.header('cache-control', 'no-cache');
    return c.html(await readFile(indexPath, 'utf8'));
  });
  return app;
}
