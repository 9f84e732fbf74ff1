import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  startConnectProxy,
  startSocks5Proxy,
  type LoopbackProxy,
} from './support/loopback-proxies';
import { kiroAccountOf, messagesRequest, readAll, textOf, useHarness } from './support/simulator';

const harness = useHarness({}, { timeouts: { connectMs: 2_000 } });
let httpProxy: LoopbackProxy;
let socksProxy: LoopbackProxy;

beforeAll(async () => {
  httpProxy = await startConnectProxy();
  socksProxy = await startSocks5Proxy({ username: 'user', password: 'p@ss' });
});
afterAll(async () => {
  await httpProxy.close();
  await socksProxy.close();
});

describe('per-account egress proxies', () => {
  it.each([
    ['HTTP CONNECT', () => httpProxy],
    ['SOCKS5 with credentials', () => socksProxy],
  ])(
    'sends chat, refresh and usage calls through %s, reusing the tunnel',
    async (_name, proxyOf) => {
      const proxy = proxyOf();
      const simulated = harness.sim.addAccount({ authMethod: 'social' });
      const account = kiroAccountOf(simulated, { proxyUrl: proxy.url });
      harness.sim.expireAccessToken(account.id);
      const before = proxy.tunnels;
      for (let turn = 0; turn < 3; turn++) {
        const response = await harness.client.generateAssistantResponse({
          account,
          request: messagesRequest(),
        });
        expect(textOf(await readAll(response.events))).toContain('Hello there');
      }
      await harness.client.getUsageLimits({ account });
      expect(harness.sim.requests.last('socialRefreshToken')).toBeDefined();
      // Keep-alive: one tunnel to the API origin and one to the auth origin, not one per call.
      expect(proxy.tunnels - before).toBeGreaterThan(0);
      expect(proxy.tunnels - before).toBeLessThanOrEqual(2);
    },
  );

  it('fails with a typed network error when the proxy refuses the credentials', async () => {
    const account = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }), {
      proxyUrl: socksProxy.url.replace('p%40ss', 'wrong').replace('p@ss', 'wrong'),
    });
    await expect(
      harness.client.generateAssistantResponse({ account, request: messagesRequest() }),
    ).rejects.toMatchObject({
      reason: 'network',
      fault: 'upstream',
    });
  });
});
