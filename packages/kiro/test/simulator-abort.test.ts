import { describe, expect, it } from 'vitest';

import { kiroAccountOf, messagesRequest, useHarness } from './support/simulator';

const harness = useHarness();

// Paced to take minutes: a closed upstream connection before the answer ends can only come from the
// abort or the cancel (causal, so no wall-clock bound that a busy machine could break).
const slowAnswer = messagesRequest({
  messages: [{ role: 'user', content: 'sim: words 400\nsim: tps 5' }],
});

describe('abort propagation', () => {
  it('closes the upstream connection on an abort mid-stream', async () => {
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
    controller.abort(new Error('client went away'));
    await harness.sim.requests.waitForClientClose(entry.id, { timeoutMs: 20_000 });
    expect(entry.outcome).toBe('client-closed');
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
    await reader.cancel();
    await harness.sim.requests.waitForClientClose(entry.id, { timeoutMs: 20_000 });
    expect(entry.outcome).toBe('client-closed');
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
