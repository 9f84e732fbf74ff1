import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type AccountState, createPool, initialAccountState } from '@octoproxy/pool';
import { openDatabase, type Storage } from '@octoproxy/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { storagePoolStore } from './storage-pool-store';

describe('storagePoolStore', () => {
  let dir: string;
  let storage: Storage;
  let now: number;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'octoproxy-pool-store-'));
    now = Date.UTC(2026, 0, 15, 12);
    storage = await openDatabase({ path: join(dir, 'octo-proxy.db'), clock: () => now });
  });
  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  const createAccount = (name: string) =>
    storage.accounts.create({
      name,
      authMethod: 'social',
      region: 'us-east-1',
      encryptedCredentials: 'sealed',
    });

  const quarantinedState = (): AccountState => ({
    ...initialAccountState(),
    quarantine: { reason: 'suspended', since: now - 1000 },
    quarantineStrikes: 2,
    ejectionCount: 3,
    probeFailures: 4,
    nextProbeAt: now + 60_000,
    useCount: 9,
  });

  it('saves the whole state in poolState and mirrors the visible parts', async () => {
    const account = await createAccount('main');
    const state: AccountState = {
      ...quarantinedState(),
      usage: {
        used: 10,
        limit: 50,
        exhausted: false,
        resetAt: now + 86_400_000,
        plan: 'KIRO PRO',
        entitledModels: ['claude-sonnet-4.5'],
        syncedAt: now,
      },
    };
    await storagePoolStore(storage).saveAccountState(account.id, state);
    expect(await storage.accounts.get(account.id)).toMatchObject({
      poolState: state,
      usageDetail: null,
      quarantined: true,
      quarantineReason: 'suspended',
      usageUsed: 10,
      plan: 'KIRO PRO',
      entitlements: ['claude-sonnet-4.5'],
    });
    const [loaded] = await storagePoolStore(storage).loadAccounts();
    expect(loaded).toMatchObject({ id: account.id, label: 'main', enabled: true, state });
  });

  it('moves a state kept under usageDetail.poolState into poolState, once', async () => {
    const legacy = await createAccount('legacy');
    now += 1;
    const withExtra = await createAccount('with-extra');
    now += 1;
    const fresh = await createAccount('fresh');
    const state = quarantinedState();
    await storage.accounts.update(legacy.id, { usageDetail: { poolState: state } });
    await storage.accounts.update(withExtra.id, {
      usageDetail: { poolState: state, breakdown: [{ resourceType: 'CREDIT' }] },
    });

    now += 1000;
    const store = storagePoolStore(storage);
    const loaded = await store.loadAccounts();
    expect(loaded.map((account) => account.state)).toEqual([state, state, null]);
    expect(await storage.accounts.get(legacy.id)).toMatchObject({
      poolState: state,
      usageDetail: null,
      updatedAt: now,
    });
    expect(await storage.accounts.get(withExtra.id)).toMatchObject({
      poolState: state,
      usageDetail: { breakdown: [{ resourceType: 'CREDIT' }] },
    });
    expect(await storage.accounts.get(fresh.id)).toMatchObject({ poolState: null });

    // Nothing left to move: a second load writes nothing.
    now += 1000;
    expect((await store.loadAccounts()).map((account) => account.state)).toEqual([
      state,
      state,
      null,
    ]);
    expect((await storage.accounts.get(legacy.id))?.updatedAt).toBe(now - 1000);
  });

  it('keeps poolState when both are present', async () => {
    const account = await createAccount('main');
    const current = quarantinedState();
    await storage.accounts.update(account.id, {
      poolState: current,
      usageDetail: { poolState: initialAccountState() },
    });
    const [loaded] = await storagePoolStore(storage).loadAccounts();
    expect(loaded?.state).toEqual(current);
  });

  it('gives the pool the strikes, ejections and probe backoff a legacy row held', async () => {
    const account = await createAccount('main');
    await storage.accounts.update(account.id, { usageDetail: { poolState: quarantinedState() } });
    const pool = createPool({
      store: storagePoolStore(storage),
      upstream: {
        refreshToken: () => Promise.reject(new Error('not called')),
        fetchUsage: () => Promise.reject(new Error('not called')),
      },
    });
    await pool.reload();
    expect(pool.account(account.id)?.state).toMatchObject({
      quarantine: { reason: 'suspended' },
      quarantineStrikes: 2,
      ejectionCount: 3,
      probeFailures: 4,
      nextProbeAt: now + 60_000,
    });
    pool.resetAccount(account.id);
    await pool.stop();
    expect(await storage.accounts.get(account.id)).toMatchObject({
      quarantined: false,
      usageDetail: null,
      poolState: { quarantine: null },
    });
  });
});
