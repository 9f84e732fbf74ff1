import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { startKiroSimulator, type KiroSimulator, type SimulatedAccount } from '../src/index';
import { chatBody, kiroHeaders, postChat } from './helpers/kiro-request';

/** JSON the tests read loosely or break on purpose, which the types would forbid. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

let now = Date.parse('2026-01-20T10:00:00Z');
const sim: KiroSimulator = await startKiroSimulator({ now: () => now });
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  now = Date.parse('2026-01-20T10:00:00Z');
});

async function get(account: SimulatedAccount, path: string) {
  const response = await fetch(`${sim.apiUrlFor(account.region)}/${path}`, {
    headers: kiroHeaders(account.credentials.accessToken),
  });
  return { status: response.status, body: (await response.json()) as Record<string, Loose> };
}

async function awsJson(account: SimulatedAccount, target: string, body: unknown) {
  const response = await fetch(`${sim.apiUrlFor(account.region)}/`, {
    method: 'POST',
    headers: {
      ...kiroHeaders(account.credentials.accessToken),
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': target,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, Loose> };
}

const usagePath = 'getUsageLimits?origin=AI_EDITOR&resourceType=AGENTIC_REQUEST';

describe('getUsageLimits', () => {
  it('answers the §6.2 shape with plan, trial, bonuses and reset date', async () => {
    const account = sim.addAccount({
      authMethod: 'social',
      plan: 'FREE',
      bonuses: [{ bonusCode: 'WELCOME', usageLimit: 100 }],
    });
    const { status, body } = await get(account, `${usagePath}&isEmailRequired=true`);
    expect(status).toBe(200);
    const reset = Date.parse('2026-02-01T00:00:00Z') / 1000;
    expect(body).toMatchObject({
      daysUntilReset: 12,
      nextDateReset: reset,
      overageConfiguration: { overageStatus: 'DISABLED' },
      subscriptionInfo: {
        type: 'Q_DEVELOPER_STANDALONE_FREE',
        subscriptionTitle: 'KIRO FREE',
        upgradeCapability: 'UPGRADE_CAPABLE',
        overageCapability: 'OVERAGE_INCAPABLE',
        subscriptionManagementTarget: 'PURCHASE',
      },
      userInfo: { userId: account.userId, email: account.email },
    });
    const [breakdown] = body['usageBreakdownList'];
    expect(breakdown).toMatchObject({
      resourceType: 'CREDIT',
      currency: 'USD',
      currentUsage: 0,
      currentUsageWithPrecision: 0,
      usageLimit: 50,
      usageLimitWithPrecision: 50,
      nextDateReset: reset,
      freeTrialInfo: {
        freeTrialStatus: 'ACTIVE',
        freeTrialExpiry: now / 1000 + 14 * 86_400,
        usageLimitWithPrecision: 500,
      },
      bonuses: [{ bonusCode: 'WELCOME', usageLimit: 100, status: 'ACTIVE', expiresAt: reset }],
    });
  });

  it('drains per request (trial first) and resets the monthly allowance on the reset date', async () => {
    const account = sim.addAccount({
      authMethod: 'social',
      plan: 'PRO',
      freeTrial: { usageLimit: 1 },
      accessTokenLifetimeSeconds: 60 * 86_400,
    });
    for (const credits of [0.75, 0.75]) {
      const chat = await postChat({
        apiUrl: sim.apiUrl,
        account,
        body: chatBody(account, `sim: credits ${credits}\nspend`),
      });
      await chat.arrayBuffer();
    }
    const drained = (await get(account, usagePath)).body['usageBreakdownList'][0];
    expect(drained.freeTrialInfo.currentUsageWithPrecision).toBe(1);
    expect(drained.currentUsageWithPrecision).toBe(0.5);
    expect(drained.currentUsage).toBe(0);
    expect(sim.usage(account.id).remainingCredits).toBe(999.5);

    now = Date.parse('2026-02-01T00:00:01Z');
    const after = (await get(account, usagePath)).body;
    expect(after['usageBreakdownList'][0].currentUsageWithPrecision).toBe(0);
    expect(after['nextDateReset']).toBe(Date.parse('2026-03-01T00:00:00Z') / 1000);
    expect(after['usageBreakdownList'][0].freeTrialInfo.freeTrialStatus).toBe('ACTIVE');
  });

  it('omits the email unless asked, checks a given profile ARN, and speaks awsJson', async () => {
    const account = sim.addAccount({ authMethod: 'idc' });
    expect((await get(account, usagePath)).body['userInfo']).toEqual({ userId: account.userId });
    const wrongArn = await get(
      account,
      `${usagePath}&profileArn=arn:aws:codewhisperer:us-east-1:1:profile/X`,
    );
    expect(wrongArn).toEqual({
      status: 400,
      body: { message: 'Invalid profileArn.', reason: null },
    });
    const viaTarget = await awsJson(account, 'AmazonCodeWhispererService.GetUsageLimits', {
      origin: 'AI_EDITOR',
      resourceType: 'AGENTIC_REQUEST',
      profileArn: account.profileArn,
    });
    expect(viaTarget.body['subscriptionInfo'].type).toBe('Q_DEVELOPER_STANDALONE_PRO');
  });

  it('answers "Invalid token" in the other API region', async () => {
    const account = sim.addAccount({ authMethod: 'social' });
    const response = await fetch(`${sim.apiUrlFor('eu-central-1')}/${usagePath}`, {
      headers: kiroHeaders(account.credentials.accessToken),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Invalid token', reason: null });
  });
});

describe('ListAvailableModels', () => {
  it('lists what the plan may use (no opus on FREE) in the §4 shape', async () => {
    const free = sim.addAccount({ authMethod: 'social', plan: 'FREE' });
    const pro = sim.addAccount({ authMethod: 'social', plan: 'PRO' });
    const freeIds = (await get(free, 'ListAvailableModels?origin=AI_EDITOR')).body['models'].map(
      (m: { modelId: string }) => m.modelId,
    );
    const proList = (await get(pro, 'ListAvailableModels?origin=AI_EDITOR')).body;
    expect(freeIds).toContain('claude-sonnet-4.5');
    expect(freeIds.some((id: string) => id.includes('opus'))).toBe(false);
    expect(proList['models'].map((m: { modelId: string }) => m.modelId)).toContain(
      'claude-opus-4.5',
    );
    expect(proList['models'][1]).toEqual({
      modelId: 'claude-sonnet-4.5',
      modelName: 'Claude Sonnet 4.5',
      description: 'Claude Sonnet 4.5 (simulated)',
      rateMultiplier: 1.3,
      rateUnit: 'Credit',
      supportedInputTypes: ['TEXT', 'IMAGE'],
      tokenLimits: { maxInputTokens: 200_000, maxOutputTokens: 64_000 },
    });
    expect(proList['defaultModel'].modelId).toBe('auto');
  });

  it('pages with maxResults and nextToken, and requires origin', async () => {
    const account = sim.addAccount({ authMethod: 'social', plan: 'POWER' });
    const ids: string[] = [];
    let next: string | undefined;
    do {
      const query = `ListAvailableModels?origin=AI_EDITOR&maxResults=3${next ? `&nextToken=${next}` : ''}`;
      const { body } = await get(account, query);
      expect(body['models'].length).toBeLessThanOrEqual(3);
      ids.push(...body['models'].map((m: { modelId: string }) => m.modelId));
      next = body['nextToken'];
    } while (next !== undefined);
    expect(ids).toEqual(sim.models.map((model) => model.modelId));
    expect((await get(account, 'ListAvailableModels')).status).toBe(400);
    const viaTarget = await awsJson(account, 'AmazonCodeWhispererService.ListAvailableModels', {
      origin: 'AI_EDITOR',
      maxResults: 50,
    });
    expect(viaTarget.body['models']).toHaveLength(sim.models.length);
  });
});

describe('ListAvailableProfiles', () => {
  it('returns the IdC profile, and refuses Builder ID', async () => {
    const idc = sim.addAccount({
      authMethod: 'idc',
      region: 'eu-central-1',
      ssoRegion: 'eu-west-1',
    });
    const response = await fetch(`${sim.apiUrlFor('eu-central-1')}/ListAvailableProfiles`, {
      method: 'POST',
      headers: kiroHeaders(idc.credentials.accessToken),
      body: '{}',
    });
    expect(await response.json()).toEqual({
      profiles: [{ arn: idc.profileArn, profileName: 'SimulatedProfile' }],
    });
    expect(idc.profileArn).toMatch(
      /^arn:aws:codewhisperer:eu-central-1:\d{12}:profile\/[A-Z0-9]+$/,
    );

    const builder = sim.addAccount({ authMethod: 'builder-id' });
    const refused = await awsJson(builder, 'AmazonCodeWhispererService.ListAvailableProfiles', {
      maxResults: 10,
    });
    expect(refused).toEqual({
      status: 403,
      body: { message: 'AWS Builder ID is not supported for this operation.', reason: null },
    });
  });
});
