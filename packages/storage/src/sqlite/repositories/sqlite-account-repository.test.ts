import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openTempStorage, type TempStorage } from '../../../test/support/temp-storage';
import type { NewAccount } from '../../model/accounts';
import { newId } from '../../new-id';
import { isRuntimeStatePatch } from './sqlite-account-repository';

describe('accounts', () => {
  let temp: TempStorage;
  beforeEach(async () => {
    temp = await openTempStorage();
  });
  afterEach(() => temp.dispose());

  const input = (name: string, overrides: Partial<NewAccount> = {}): NewAccount => ({
    name,
    authMethod: 'social',
    provider: 'Github',
    region: 'us-east-1',
    encryptedCredentials: `ciphertext-of-${name}`,
    machineId: 'm'.repeat(64),
    ...overrides,
  });

  it('keeps credentials out of the account object and takes a caller-chosen id', async () => {
    const id = newId();
    const account = await temp.storage.accounts.create(
      input('main', { id, ssoRegion: 'eu-west-1' }),
    );
    expect(account).toMatchObject({
      id,
      name: 'main',
      provider: 'Github',
      ssoRegion: 'eu-west-1',
      disabled: false,
      healthState: 'healthy',
      weight: 1,
      useCount: 0,
      healthCheckEnabled: true,
    });
    expect(JSON.stringify(await temp.storage.accounts.listAll())).not.toContain('ciphertext');
    expect(await temp.storage.accounts.getEncryptedCredentials(id)).toBe('ciphertext-of-main');
  });

  it('updates runtime state, configuration and credentials', async () => {
    const { accounts } = temp.storage;
    const account = await accounts.create(input('main'));
    temp.clock.advance(1000);
    const cooled = await accounts.update(account.id, {
      healthState: 'unhealthy',
      consecutiveErrors: 3,
      lastError: 'throttled',
      lastErrorAt: temp.clock.now,
      cooldownUntil: temp.clock.now + 60_000,
      cooldownReason: 'rate-limited',
      usageUsed: 12.5,
      usageLimit: 50,
      usageDetail: { breakdown: [{ resourceType: 'AGENTIC_REQUEST' }] },
    });
    expect(cooled).toMatchObject({
      healthState: 'unhealthy',
      cooldownReason: 'rate-limited',
      usageUsed: 12.5,
      usageDetail: { breakdown: [{ resourceType: 'AGENTIC_REQUEST' }] },
      updatedAt: temp.clock.now,
    });
    await accounts.update(account.id, {
      encryptedCredentials: 'rotated',
      allowedModels: ['claude-sonnet-4.5'],
      quarantined: true,
      quarantineReason: 'suspicious activity',
    });
    expect(await accounts.getEncryptedCredentials(account.id)).toBe('rotated');
    expect(await accounts.get(account.id)).toMatchObject({
      allowedModels: ['claude-sonnet-4.5'],
      quarantined: true,
      cooldownReason: 'rate-limited',
    });
    expect(await accounts.update('missing', { disabled: true })).toBeUndefined();
  });

  it("stores the pool's runtime state as JSON and clears it with null", async () => {
    const { accounts } = temp.storage;
    const account = await accounts.create(input('main'));
    expect(account.poolState).toBeNull();
    const poolState = {
      health: 'recovering',
      quarantine: { reason: 'suspended', strikes: 2 },
      ejectionCount: 3,
      nextProbeAt: null,
    };
    expect(await accounts.update(account.id, { poolState })).toMatchObject({ poolState });
    expect((await accounts.listAll())[0]?.poolState).toEqual(poolState);
    await accounts.update(account.id, { usageDetail: { plan: 'PRO' } });
    expect(await accounts.get(account.id)).toMatchObject({
      poolState,
      usageDetail: { plan: 'PRO' },
    });
    expect(await accounts.update(account.id, { poolState: null })).toMatchObject({
      poolState: null,
    });
  });

  it('commits runtime state without an fsync, configuration and credentials with one', () => {
    expect(
      isRuntimeStatePatch({
        poolState: { health: 'healthy' },
        healthState: 'healthy',
        quarantined: false,
        quarantineReason: null,
        plan: 'PRO',
        entitlements: ['claude-sonnet-4.5'],
        usageDetail: null,
        lastHealthCheckAt: 1,
        disabled: undefined,
      }),
    ).toBe(true);
    expect(isRuntimeStatePatch({ poolState: {}, disabled: true })).toBe(false);
    expect(isRuntimeStatePatch({ poolState: {}, encryptedCredentials: 'x' })).toBe(false);
    expect(isRuntimeStatePatch({ allowedModels: null })).toBe(false);
    expect(isRuntimeStatePatch({ weight: 2 })).toBe(false);
  });

  it('counts uses off the request path', async () => {
    const { accounts } = temp.storage;
    const account = await accounts.create(input('main'));
    accounts.recordUse({ accountId: account.id });
    temp.clock.advance(10);
    accounts.recordUse({ accountId: account.id, uses: 2 });
    expect(await accounts.get(account.id)).toMatchObject({
      useCount: 3,
      lastUsedAt: temp.clock.now,
    });
    await temp.storage.flush();
    expect(await accounts.get(account.id)).toMatchObject({
      useCount: 3,
      lastUsedAt: temp.clock.now,
    });
    expect((await accounts.counts()).totalUses).toBe(3);
  });

  it('imports all accounts or none', async () => {
    const { accounts } = temp.storage;
    const id = newId();
    await expect(
      accounts.createMany([input('a', { id }), input('b'), input('c', { id })]),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await accounts.listAll()).toEqual([]);
    const created = await accounts.createMany([input('a'), input('b')]);
    expect(created.map((account) => account.name)).toEqual(['a', 'b']);
  });

  it('lists with filters and paging, counts states and deletes', async () => {
    const { accounts } = temp.storage;
    const first = await accounts.create(input('alpha', { email: 'ops@example.com' }));
    temp.clock.advance(1);
    const second = await accounts.create(input('beta', { disabled: true }));
    temp.clock.advance(1);
    const third = await accounts.create(input('gamma'));
    await accounts.update(third.id, { healthState: 'recovering' });
    expect((await accounts.list({ search: 'OPS@' })).items.map((a) => a.id)).toEqual([first.id]);
    expect((await accounts.list({ disabled: true })).items.map((a) => a.id)).toEqual([second.id]);
    expect((await accounts.list({ healthState: 'recovering' })).total).toBe(1);
    expect((await accounts.list({ limit: 2, offset: 1 })).items.map((a) => a.name)).toEqual([
      'beta',
      'gamma',
    ]);
    expect(await accounts.counts()).toEqual({
      total: 3,
      healthy: 2,
      recovering: 1,
      unhealthy: 0,
      disabled: 1,
      quarantined: 0,
      totalUses: 0,
    });
    expect(await accounts.delete(second.id)).toBe(true);
    expect((await accounts.listAll()).map((a) => a.name)).toEqual(['alpha', 'gamma']);
  });
});
