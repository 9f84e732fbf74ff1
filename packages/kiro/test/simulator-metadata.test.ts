import { describe, expect, it } from 'vitest';

import { kiroAccountOf, messagesRequest, readAll, useHarness } from './support/simulator';

const harness = useHarness();

describe('account metadata', () => {
  it('reads usage limits with trial and bonuses, and sees credits drain', async () => {
    const simulated = harness.sim.addAccount({
      authMethod: 'social',
      plan: 'PRO',
      usageLimit: 1000,
      currentUsage: 100.5,
      freeTrial: { usageLimit: 500, currentUsage: 20 },
      bonuses: [{ bonusCode: 'WELCOME', usageLimit: 100, currentUsage: 10 }],
    });
    const account = kiroAccountOf(simulated);
    const usage = await harness.client.getUsageLimits({ account });
    expect(usage).toMatchObject({
      plan: 'PRO',
      base: { used: 100.5, limit: 1000 },
      freeTrial: { active: true, used: 20, limit: 500 },
      bonuses: [expect.objectContaining({ code: 'WELCOME', used: 10, limit: 100 })],
      used: 130.5,
      limit: 1600,
      remaining: 1469.5,
    });
    expect(usage.remaining).toBeCloseTo(harness.sim.usage(simulated.id).remainingCredits, 5);
    expect(usage.resetAt?.getTime()).toBe(harness.sim.usage(simulated.id).nextResetAt);

    const response = await harness.client.generateAssistantResponse({
      account,
      request: messagesRequest(),
    });
    await readAll(response.events);
    const credits = (await response.metadata).credits!;
    const after = await harness.client.getUsageLimits({ account });
    expect(after.used).toBeCloseTo(usage.used + credits, 5);
  });

  it('lists the models an account is entitled to', async () => {
    const free = await harness.client.listAvailableModels({
      account: kiroAccountOf(harness.sim.addAccount({ authMethod: 'social', plan: 'FREE' })),
    });
    const pro = await harness.client.listAvailableModels({
      account: kiroAccountOf(harness.sim.addAccount({ authMethod: 'social', plan: 'PRO' })),
    });
    expect(free.models.some((model) => model.modelId.includes('opus'))).toBe(false);
    expect(pro.models.some((model) => model.modelId.includes('opus'))).toBe(true);
    expect(
      pro.models.every((model) => model.maxInputTokens === undefined || model.maxInputTokens > 0),
    ).toBe(true);
  });

  it('reports a wrong API region without refreshing the token', async () => {
    const simulated = harness.sim.addAccount({
      authMethod: 'idc',
      region: 'eu-central-1',
      ssoRegion: 'eu-west-1',
    });
    const refreshes = harness.sim.requests.count('oidcToken');
    await expect(
      harness.client.listAvailableProfiles({
        account: kiroAccountOf(simulated, { apiRegion: 'us-east-1' }),
      }),
    ).rejects.toMatchObject({ reason: 'wrong_region', fault: 'account' });
    expect(harness.sim.requests.count('oidcToken')).toBe(refreshes);
    const guessed = kiroAccountOf(simulated, { apiRegion: undefined, profileArn: undefined });
    expect(await harness.client.listAvailableProfiles({ account: guessed })).toHaveLength(1);
  });

  it('finds the profile ARN of an IdC account and refuses Builder ID', async () => {
    const simulated = harness.sim.addAccount({ authMethod: 'idc' });
    const profiles = await harness.client.listAvailableProfiles({
      account: kiroAccountOf(simulated),
    });
    expect(profiles.map((profile) => profile.arn)).toEqual([simulated.profileArn]);
    await expect(
      harness.client.listAvailableProfiles({
        account: kiroAccountOf(harness.sim.addAccount({ authMethod: 'builder-id' })),
      }),
    ).rejects.toMatchObject({ reason: 'forbidden' });
  });
});
