import { describe, expect, it } from 'vitest';

import { kiroAccountOf, messagesRequest, useHarness } from './support/simulator';

const harness = useHarness();

const preciseNow = () => performance.timeOrigin + performance.now();
const slowAnswer = messagesRequest({
  messages: [{ role: 'user', content: 'sim: words 400\nsim: tps 20' }],
});

describe('abort propagation', () => {
  it('closes the upstream connection within 100 ms of an abort mid-stream', async () => {
    const account = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }));
    const controller = new AbortController();
    const response = await harness.client.generateAssistantResponse({
      account,
      request: slowAnswer,
      signal: controller.signal,
    });
    const reader = response.events.getReader();
    expect((await reader.read()).value?.type).toBe('message_start');
    const entry = harness.sim.requests.last('generateAssistantResponse')!;
    const abortedAt = preciseNow();
    controller.abort(new Error('client went away'));
    const closedAt = await harness.sim.requests.waitForClientClose(entry.id);
    expect(closedAt - abortedAt).toBeLessThan(100);
    // Events already queued are still delivered; then the stream fails with the abort reason.
    const drain = async () => {
      for (;;) if ((await reader.read()).done) return;
    };
    await expect(drain()).rejects.toThrow('client went away');
    const metadata = await response.metadata;
    expect(metadata.error).toBeUndefined();
  });

  it('closes the connection when the consumer cancels the event stream', async () => {
    const account = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }));
    const response = await harness.client.generateAssistantResponse({
      account,
      request: slowAnswer,
    });
    const reader = response.events.getReader();
    await reader.read();
    const entry = harness.sim.requests.last('generateAssistantResponse')!;
    const cancelledAt = preciseNow();
    await reader.cancel();
    const closedAt = await harness.sim.requests.waitForClientClose(entry.id);
    expect(closedAt - cancelledAt).toBeLessThan(100);
    const metadata = await response.metadata;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(metadata.stopReason).toBeNull();
    expect(metadata.error).toBeUndefined();
  });

  it('rejects with the abort reason when aborted before the response', async () => {
    const account = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }));
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(
      harness.client.generateAssistantResponse({
        account,
        request: slowAnswer,
        signal: controller.signal,
      }),
    ).rejects.toThrow('gone');
  });
});
