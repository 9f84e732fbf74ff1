import { describe, expect, it } from 'vitest';

import { createKiroClient, isKiroError, type KiroClient } from '../src/index';
import { transportError } from '../src/http/http-call';
import {
  failureOf,
  kiroAccountOf,
  messagesRequest,
  readAll,
  textOf,
  useHarness,
} from './support/simulator';

const harness = useHarness();

/** The client as production runs it: real host names, resolved by DNS (here the simulator's). */
function hostNamedClient(): KiroClient {
  const { sim } = harness;
  return createKiroClient({ endpoints: sim.hostUrls, connections: { lookup: sim.lookup } });
}

describe('an API region without a Kiro host', () => {
  it('fails with unknown_host, blames the account and names its region', async () => {
    const client = hostNamedClient();
    try {
      const simulated = harness.sim.addAccount({ authMethod: 'idc', ssoRegion: 'us-east-2' });
      // Stored with its SSO region as the API region: q.us-east-2.amazonaws.com does not exist.
      const account = kiroAccountOf(simulated, { apiRegion: 'us-east-2' });
      for (const call of [
        client.generateAssistantResponse({ account, request: messagesRequest() }),
        client.getUsageLimits({ account }),
        client.listAvailableModels({ account }),
      ]) {
        const error = await failureOf(call);
        expect(isKiroError(error)).toBe(true);
        expect(error).toMatchObject({
          reason: 'unknown_host',
          fault: 'account',
          mayTryAnotherAccount: true,
          host: 'q.us-east-2.amazonaws.com',
          apiRegion: 'us-east-2',
        });
        expect((error as Error).message).toContain('API region us-east-2 has no Kiro API host');
      }
    } finally {
      await client.close();
    }
  });

  it('serves the same account in its real API region through the same resolver', async () => {
    const client = hostNamedClient();
    try {
      const simulated = harness.sim.addAccount({ authMethod: 'idc', ssoRegion: 'us-east-2' });
      const account = kiroAccountOf(simulated, { apiRegion: 'us-east-1' });
      const response = await client.generateAssistantResponse({
        account,
        request: messagesRequest({ messages: [{ role: 'user', content: 'served' }] }),
      });
      expect(textOf(await readAll(response.events))).toBe('served');
      await expect(client.getUsageLimits({ account })).resolves.toMatchObject({ limit: 1000 });
    } finally {
      await client.close();
    }
  });
});

describe('transport errors', () => {
  it('tells "no such host" from a resolver that could not answer', () => {
    const dns = (code: string) =>
      Object.assign(new Error(`getaddrinfo ${code} q.us-east-2.amazonaws.com`), {
        code,
        hostname: 'q.us-east-2.amazonaws.com',
      });
    expect(transportError(dns('ENOTFOUND'), { headersTimeoutMs: 1 })).toMatchObject({
      reason: 'unknown_host',
      fault: 'account',
      host: 'q.us-east-2.amazonaws.com',
    });
    expect(transportError(dns('EAI_AGAIN'), { headersTimeoutMs: 1 })).toMatchObject({
      reason: 'network',
    });
  });
});
