import { afterAll, describe, expect, it } from 'vitest';

import { startKiroSimulator, type KiroSimulator } from '../src/index';
import { chatBody, postChat } from './helpers/kiro-request';

const sim: KiroSimulator = await startKiroSimulator({ tokensPerSecond: 400 });
afterAll(() => sim.close());

describe('client disconnects', () => {
  it('records when the client closed a stream and stops sending', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    const controller = new AbortController();
    const response = await postChat({
      apiUrl: sim.apiUrl,
      account,
      body: chatBody(account, 'sim: words 3000'),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    const entry = sim.requests.last('generateAssistantResponse')!;
    const abortedAt = performance.timeOrigin + performance.now();
    controller.abort();
    const closedAt = await sim.requests.waitForClientClose(entry.id);
    expect(closedAt).toBeGreaterThanOrEqual(abortedAt);
    const sentAtClose = entry.framesSent;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(entry).toMatchObject({ outcome: 'client-closed', framesSent: sentAtClose });
    expect(sentAtClose).toBeLessThan(1000);
  });

  it('sees a close while the answer waits for its first token', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    const controller = new AbortController();
    const pending = postChat({
      apiUrl: sim.apiUrl,
      account,
      body: chatBody(account, 'sim: delay 60000\nslow'),
      signal: controller.signal,
    });
    const entry = await sim.requests.waitFor((e) => e.status === 200 && e.outcome === 'pending');
    controller.abort();
    await expect(pending.then((r) => r.arrayBuffer())).rejects.toThrow();
    await sim.requests.waitForClientClose(entry.id);
    expect(entry).toMatchObject({ outcome: 'client-closed', framesSent: 0 });
  });
});
