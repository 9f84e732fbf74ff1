import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ accounts: 0 });
});
afterAll(() => e2e.close());

describe('settings that hold a secret', () => {
  it('never sends the metrics token back, and a config sent back whole keeps it', async () => {
    const token = 'metrics-scrape-token-7f3a9c2e';
    expect((await e2e.admin('PUT', '/api/config', { metricsToken: token })).status).toBe(200);
    const read = await e2e.admin('GET', '/api/config');
    expect(JSON.stringify(read.body)).not.toContain(token);
    const { config } = read.body as { config: Record<string, unknown> };
    expect(config.metricsToken).toMatch(/^\*+$/);

    // A client that edits one setting and puts the whole config back.
    expect((await e2e.admin('PUT', '/api/config', { ...config, retries: 2 })).status).toBe(200);
    const scrape = (bearer: string) =>
      fetch(`${e2e.url}/metrics`, { headers: { authorization: `Bearer ${bearer}` } });
    expect((await scrape(token)).status).toBe(200);
    expect((await scrape(String(config.metricsToken))).status).toBe(401);
  });
});
