import { describe, expect, it } from 'vitest';

import type { KiroTokenUpdate } from '../src/index';
import {
  kiroAccountOf,
  messagesRequest,
  readAll,
  useHarness,
  type SimulatorHarness,
} from './support/simulator';

const updates: KiroTokenUpdate[] = [];
const harness = useHarness({}, { onTokensRefreshed: (update) => void updates.push(update) });

const past = new Date(Date.now() - 60_000).toISOString();

async function chat(
  account: Parameters<SimulatorHarness['client']['generateAssistantResponse']>[0]['account'],
) {
  const response = await harness.client.generateAssistantResponse({
    account,
    request: messagesRequest(),
  });
  return readAll(response.events);
}

describe('token refresh', () => {
  it('makes exactly one refresh call for 100 concurrent requests on an expired token', async () => {
    const simulated = harness.sim.addAccount({ authMethod: 'social' });
    const account = kiroAccountOf(simulated, {
      credentials: { ...kiroAccountOf(simulated).credentials, expiresAt: past },
    });
    const before = harness.sim.requests.count('socialRefreshToken');
    const results = await Promise.all(Array.from({ length: 100 }, () => chat(account)));
    expect(results.every((events) => events.at(-1)?.type === 'message_stop')).toBe(true);
    expect(harness.sim.requests.count('socialRefreshToken') - before).toBe(1);
    expect(updates.filter((update) => update.accountId === account.id)).toHaveLength(1);
  });

  it('makes one refresh when 100 concurrent requests are rejected with 403', async () => {
    const account = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }));
    harness.sim.expireAccessToken(account.id);
    const before = harness.sim.requests.count('socialRefreshToken');
    const results = await Promise.all(Array.from({ length: 100 }, () => chat(account)));
    expect(results.every((events) => events.at(-1)?.type === 'message_stop')).toBe(true);
    expect(harness.sim.requests.count('socialRefreshToken') - before).toBe(1);
  });

  it('hands rotated tokens to the caller and keeps the old refresh token when none comes back', async () => {
    const rotating = kiroAccountOf(harness.sim.addAccount({ authMethod: 'social' }));
    await chat({ ...rotating, credentials: { ...rotating.credentials, expiresAt: past } });
    const rotated = updates.find((update) => update.accountId === rotating.id)!;
    expect(rotated.credentials.refreshToken).not.toBe(rotating.credentials.refreshToken);
    expect(rotated.credentials.refreshToken).toBe(
      harness.sim.account(rotating.id).credentials.refreshToken,
    );
    expect(Date.parse(rotated.credentials.expiresAt!)).toBeGreaterThan(Date.now());

    const keeping = kiroAccountOf(
      harness.sim.addAccount({ authMethod: 'social', omitRefreshTokenOnRefresh: true }),
    );
    await chat({ ...keeping, credentials: { ...keeping.credentials, expiresAt: past } });
    const kept = updates.find((update) => update.accountId === keeping.id)!;
    expect(kept.credentials.refreshToken).toBe(keeping.credentials.refreshToken);
  });

  it('refreshes Builder ID and IdC tokens at their SSO region, distinct from the API region', async () => {
    const builder = kiroAccountOf(harness.sim.addAccount({ authMethod: 'builder-id' }));
    await chat({ ...builder, credentials: { ...builder.credentials, expiresAt: past } });
    expect(harness.sim.requests.last('oidcToken')?.region).toBe('us-east-1');

    const simulated = harness.sim.addAccount({
      authMethod: 'idc',
      ssoRegion: 'eu-west-1',
      region: 'eu-central-1',
    });
    const idc = kiroAccountOf(simulated, { profileArn: undefined });
    expect(idc).toMatchObject({
      authMethod: 'idc',
      ssoRegion: 'eu-west-1',
      apiRegion: 'eu-central-1',
    });
    const profiles = await harness.client.listAvailableProfiles({
      account: { ...idc, credentials: { ...idc.credentials, expiresAt: past } },
    });
    expect(harness.sim.requests.last('oidcToken')?.region).toBe('eu-west-1');
    expect(profiles[0]?.arn).toBe(simulated.profileArn);
    const events = await chat({ ...idc, profileArn: profiles[0]!.arn });
    expect(events.at(-1)?.type).toBe('message_stop');
    expect(harness.sim.requests.last('generateAssistantResponse')?.region).toBe('eu-central-1');
  });

  it('reports an expired client registration as needing a new login', async () => {
    const simulated = harness.sim.addAccount({ authMethod: 'builder-id' });
    const account = kiroAccountOf(simulated);
    harness.sim.expireClientRegistration(account.credentials.clientId!);
    await expect(
      harness.client.ensureFreshToken({
        account: { ...account, credentials: { ...account.credentials, expiresAt: past } },
      }),
    ).rejects.toMatchObject({ reason: 'refresh_revoked' });
  });
});
