import { describe, expect, it } from 'vitest';

import { healthRoutes } from './health-routes';

describe('healthRoutes', () => {
  const app = healthRoutes({ snapshot: () => ({ accounts: { available: 1, total: 2 } }) });

  it('reports status and the accounts snapshot on /health', async () => {
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      accounts: { available: 1, total: 2 },
    });
  });

  it('answers the Claude Code connection probe on /api/hello, HEAD included', async () => {
    const get = await app.request('/api/hello');
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ message: 'hello' });
    const head = await app.request('/api/hello', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
