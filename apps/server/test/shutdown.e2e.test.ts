import { describe, expect, it } from 'vitest';

import { startE2E } from './helpers/e2e-server';

function streamRequest(url: string, apiKey: string, content: string): Promise<Response> {
  return fetch(`${url}/v1/messages`, {
    method: 'POST',
    headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'claude-sonnet-4-6',
      max_tokens: 4096,
      stream: true,
      messages: [{ role: 'user', content }],
    }),
  });
}

describe('graceful shutdown', () => {
  it('stops accepting, lets a running stream finish, flushes the request log', async () => {
    const e2e = await startE2E({ config: { shutdownGraceSeconds: 10 } });
    const response = await streamRequest(e2e.url, e2e.apiKey, 'sim: tps 200\nsim: words 150');
    expect(response.status).toBe(200);
    const reading = response.text();
    const closing = e2e.server.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${e2e.url}/health`)).rejects.toThrow();
    const body = await reading;
    expect(body).toContain('event: message_stop');
    await closing;
    expect(e2e.logs.text()).toContain('"msg":"stopped"');
    await e2e.sim.close();
    await e2e.removeData();
  });

  it('cuts streams still running when the grace period ends', async () => {
    const e2e = await startE2E({ config: { shutdownGraceSeconds: 0.3 } });
    const response = await streamRequest(e2e.url, e2e.apiKey, 'sim: tps 5\nsim: words 400');
    const reading = response.text().catch(() => 'cut');
    // The stream would run for minutes at 5 tokens/s: ending without message_stop is the cut.
    await e2e.server.close();
    const body = await reading;
    expect(body).not.toContain('event: message_stop');
    expect(e2e.logs.text()).toContain('grace period over');
    await e2e.sim.close();
    await e2e.removeData();
  });
});
