import type { ServerConfigPatch } from '../../src/config/config-schema';
import type { Upstream } from '../../src/runtime/upstream';
import { openTestApp } from './test-server';

export type TestApp = Awaited<ReturnType<typeof openTestApp>>;

const adminPassword = 'test-admin-password';

/**
 * {@link openTestApp} and an API key for its proxy routes, created by the admin through the admin
 * API as a user would.
 */
export async function openAppWithApiKey(options: {
  upstream: Upstream;
  config?: ServerConfigPatch;
}): Promise<{ app: TestApp; apiKey: string }> {
  const app = await openTestApp({
    upstream: options.upstream,
    env: { OCTOPROXY_ADMIN_PASSWORD: adminPassword },
    config: options.config ?? {},
  });
  const login = await app.app.request('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: adminPassword }),
  });
  const { token } = (await login.json()) as { token: string };
  const created = await app.app.request('/api/api-keys', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: 'test' }),
  });
  const apiKey = ((await created.json()) as { apiKey: { key: string } }).apiKey.key;
  return { app, apiKey };
}
