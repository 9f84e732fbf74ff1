import { describe, expect, it } from 'vitest';

import type { KiroAccount } from '../src/index';
import {
  harnessPerTest,
  kiroAccountOf,
  messagesRequest,
  readAll,
  textOf,
  type SimulatorHarness,
} from './support/simulator';

const harnessForTest = harnessPerTest();

/** A client with one pooled API connection, so that each chat call after the first reuses it. */
async function oneConnection(): Promise<{ harness: SimulatorHarness; account: KiroAccount }> {
  const harness = await harnessForTest({}, { connections: { connectionsPerOrigin: 1 } });
  return { harness, account: kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' })) };
}

const request = messagesRequest({ messages: [{ role: 'user', content: 'sim: text fine' }] });

function outcomes(sim: SimulatorHarness['sim']) {
  return sim.requests.entries('generateAssistantResponse').map((entry) => entry.outcome);
}

describe('connection resets before the response', () => {
  it('on a reused connection: sent once more on a new connection, invisible to the caller', async () => {
    const { harness, account } = await oneConnection();
    const { client, sim } = harness;
    await readAll((await client.generateAssistantResponse({ account, request })).events);
    sim.injectFault({ fault: { type: 'connection-reset' }, accountId: account.id });

    const response = await client.generateAssistantResponse({ account, request });
    expect(textOf(await readAll(response.events))).toBe('fine');
    expect((await response.metadata).error).toBeUndefined();
    expect(outcomes(sim)).toEqual(['completed', 'reset', 'completed']);
  });

  it('on a reused connection, twice: the second reset reaches the caller', async () => {
    const { harness, account } = await oneConnection();
    const { client, sim } = harness;
    await readAll((await client.generateAssistantResponse({ account, request })).events);
    sim.injectFault({ fault: { type: 'connection-reset' }, accountId: account.id, times: 2 });

    await expect(client.generateAssistantResponse({ account, request })).rejects.toMatchObject({
      reason: 'network',
      mayTryAnotherAccount: true,
    });
    expect(outcomes(sim)).toEqual(['completed', 'reset', 'reset']);
  });

  it('on a new connection: not retried (the service may have acted on it)', async () => {
    const { harness, account } = await oneConnection();
    const { client, sim } = harness;
    sim.injectFault({ fault: { type: 'connection-reset' }, accountId: account.id });

    await expect(client.generateAssistantResponse({ account, request })).rejects.toMatchObject({
      reason: 'network',
      mayTryAnotherAccount: true,
    });
    expect(outcomes(sim)).toEqual(['reset']);
  });
});
