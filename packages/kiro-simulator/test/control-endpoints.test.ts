import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { startKiroSimulator, type KiroSimulator, type SimulatedAccount } from '../src/index';
import { chatBody, postChat } from './helpers/kiro-request';

/** JSON the tests read loosely or break on purpose, which the types would forbid. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const sim: KiroSimulator = await startKiroSimulator();
afterAll(() => sim.close());
beforeEach(() => sim.reset());

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.controlUrl}/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Loose };
}

describe('/__sim control endpoints', () => {
  it('creates, reads and changes accounts', async () => {
    const created = await control('POST', 'accounts', { authMethod: 'idc', plan: 'POWER' });
    expect(created.status).toBe(201);
    const account = created.body as SimulatedAccount;
    expect(account.credentials.clientId).toEqual(expect.any(String));
    const read = await control('GET', `accounts/${account.id}`);
    expect(read.body.usage.remainingCredits).toBe(10_000);
    await control('PATCH', `accounts/${account.id}`, { suspended: true });
    expect(sim.usage(account.id).suspended).toBe(true);
    expect((await control('GET', 'accounts')).body).toHaveLength(1);
    expect((await control('POST', 'accounts', { authMethod: 'nope' })).status).toBe(400);
    expect((await control('GET', 'accounts/acct-404')).status).toBe(404);
  });

  it('expires and revokes tokens', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    await control('POST', `accounts/${account.id}/expire-access-token`);
    const chat = await postChat({ apiUrl: sim.apiUrl, account, body: chatBody(account, 'hi') });
    expect(chat.status).toBe(403);
    await control('POST', `accounts/${account.id}/revoke-refresh-token`);
    const refresh = await fetch(`${sim.authUrlFor()}/refreshToken`, {
      method: 'POST',
      body: JSON.stringify({ refreshToken: account.credentials.refreshToken }),
    });
    expect(refresh.status).toBe(400);
  });

  it('injects and clears faults', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    const injected = await control('POST', 'faults', {
      fault: { type: 'throttled', retryAfterSeconds: 3 },
      times: 'always',
    });
    expect(injected).toEqual({ status: 201, body: { id: expect.stringMatching(/^fault-/) } });
    expect(
      (await postChat({ apiUrl: sim.apiUrl, account, body: chatBody(account, 'a') })).status,
    ).toBe(429);
    await control('DELETE', 'faults');
    const ok = await postChat({ apiUrl: sim.apiUrl, account, body: chatBody(account, 'b') });
    expect(ok.status).toBe(200);
    await ok.arrayBuffer();
    expect((await control('POST', 'faults', { fault: { type: 'meteor' } })).status).toBe(400);
  });

  it('serves the request log without its own calls, and clears it', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    await (
      await postChat({ apiUrl: sim.apiUrl, account, body: chatBody(account, 'logged') })
    ).arrayBuffer();
    const log = await control('GET', 'requests?operation=generateAssistantResponse');
    expect(log.body).toHaveLength(1);
    expect(log.body[0]).toMatchObject({
      operation: 'generateAssistantResponse',
      accountId: account.id,
      status: 200,
      outcome: 'completed',
      headers: { 'amz-sdk-request': 'attempt=1; max=3' },
    });
    expect((await control('GET', 'requests')).body).toHaveLength(1);
    await control('DELETE', 'requests');
    expect(sim.requests.count()).toBe(0);
  });

  it('approves a device flow and resets everything', async () => {
    expect((await control('POST', 'device/approve', {})).status).toBe(400);
    sim.addAccount({ authMethod: 'social' });
    expect((await control('POST', 'reset')).status).toBe(200);
    expect(sim.accounts()).toEqual([]);
    expect((await control('GET', 'nowhere')).status).toBe(404);
  });
});
