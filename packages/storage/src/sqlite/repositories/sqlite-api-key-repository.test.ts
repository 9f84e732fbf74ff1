import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openTempStorage, type TempStorage } from '../../../test/support/temp-storage';
import { openDatabase } from '../../open-database';

describe('api keys', () => {
  let temp: TempStorage;
  beforeEach(async () => {
    temp = await openTempStorage();
  });
  afterEach(() => temp.dispose());

  const day = 86_400_000;
  const createKey = (keyHash = 'key-hash', overrides = {}) =>
    temp.storage.apiKeys.create({
      keyHash,
      displayPrefix: 'sk-octo-',
      last4: 'wxyz',
      name: 'laptop',
      dailyRequestLimit: 100,
      rateLimitPerMinute: 10,
      allowedModels: ['claude-sonnet-4.5'],
      expiresAt: temp.clock.now + 30 * day,
      ...overrides,
    });

  it('stores the settings and never returns the hash; a duplicate hash is a conflict', async () => {
    const key = await createKey();
    expect(key).toMatchObject({
      name: 'laptop',
      displayPrefix: 'sk-octo-',
      last4: 'wxyz',
      userId: null,
      dailyRequestLimit: 100,
      rateLimitPerMinute: 10,
      allowedModels: ['claude-sonnet-4.5'],
      active: true,
      totalRequests: 0,
      requestsToday: 0,
    });
    expect(JSON.stringify(await temp.storage.apiKeys.getByHash('key-hash'))).not.toContain(
      'key-hash',
    );
    const failure = await createKey().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'conflict', field: 'keyHash' });
    expect((failure as Error).message).not.toContain('key-hash');
  });

  it('counts usage off the request path and shows it before and after the flush', async () => {
    const { apiKeys } = temp.storage;
    const key = await createKey();
    apiKeys.recordUsage({ apiKeyId: key.id, inputTokens: 100, outputTokens: 10 });
    apiKeys.recordUsage({ apiKeyId: key.id, requests: 0, inputTokens: 5 });
    apiKeys.recordUsage({ apiKeyId: key.id, inputTokens: Number.NaN, outputTokens: -3 });
    const expected = {
      totalRequests: 2,
      requestsToday: 2,
      totalInputTokens: 105,
      totalOutputTokens: 10,
      lastUsedAt: temp.clock.now,
    };
    expect(await apiKeys.getByHash('key-hash')).toMatchObject(expected);
    await temp.storage.flush();
    expect(await apiKeys.get(key.id)).toMatchObject(expected);
    await temp.storage.close();
    const reopened = await openDatabase({ path: temp.path, clock: temp.clock.read });
    expect(await reopened.apiKeys.get(key.id)).toMatchObject(expected);
    await reopened.close();
  });

  it('starts a new daily count at UTC midnight', async () => {
    const { apiKeys } = temp.storage;
    const key = await createKey();
    const midnight = Date.UTC(2026, 0, 16);
    apiKeys.recordUsage({ apiKeyId: key.id, at: midnight - 1 });
    apiKeys.recordUsage({ apiKeyId: key.id, at: midnight - 1 });
    await temp.storage.flush();
    temp.clock.now = midnight;
    expect((await apiKeys.get(key.id))?.requestsToday).toBe(0);
    apiKeys.recordUsage({ apiKeyId: key.id });
    expect((await apiKeys.get(key.id))?.requestsToday).toBe(1);
    // A late report for yesterday, flushed in the same batch, must not reset today's count.
    apiKeys.recordUsage({ apiKeyId: key.id, at: midnight - 5 });
    await temp.storage.flush();
    expect(await apiKeys.get(key.id)).toMatchObject({ requestsToday: 1, totalRequests: 4 });
    expect(await apiKeys.counts()).toEqual({
      total: 1,
      active: 1,
      requestsToday: 1,
      totalRequests: 4,
    });
  });

  it('updates, lists by owner and deletes', async () => {
    const { apiKeys, users } = temp.storage;
    const owner = await users.create({ username: 'o', role: 'user', passwordHash: 'h' });
    const mine = await createKey('h1', { userId: owner.id, name: 'CI runner' });
    temp.clock.advance(1);
    await createKey('h2', { name: 'other' });
    const updated = await apiKeys.update(mine.id, {
      active: false,
      allowedModels: null,
      dailyRequestLimit: null,
      name: undefined,
    });
    expect(updated).toMatchObject({
      name: 'CI runner',
      active: false,
      allowedModels: null,
      dailyRequestLimit: null,
      updatedAt: temp.clock.now,
    });
    expect((await apiKeys.list({ userId: owner.id })).items.map((key) => key.id)).toEqual([
      mine.id,
    ]);
    expect((await apiKeys.list()).items.map((key) => key.name)).toEqual(['other', 'CI runner']);
    expect((await apiKeys.list({ search: 'runn', active: false })).total).toBe(1);
    apiKeys.recordUsage({ apiKeyId: mine.id, requests: 3 });
    expect(await apiKeys.counts({ userId: owner.id })).toEqual({
      total: 1,
      active: 0,
      requestsToday: 3,
      totalRequests: 3,
    });
    expect(await apiKeys.counts()).toMatchObject({ total: 2, active: 1, totalRequests: 3 });
    expect((await apiKeys.counts({ userId: 'nobody' })).total).toBe(0);
    expect(await apiKeys.update('missing', { active: true })).toBeUndefined();
    expect(await apiKeys.delete(mine.id)).toBe(true);
    expect(await apiKeys.getByHash('h1')).toBeUndefined();
  });

  it('drops usage for a key deleted before the flush without failing the batch', async () => {
    const { apiKeys, requestLogs } = temp.storage;
    const key = await createKey();
    apiKeys.recordUsage({ apiKeyId: key.id });
    requestLogs.append({
      route: '/v1/messages',
      stream: false,
      status: 200,
      latencyMs: 1,
      apiKeyId: key.id,
    });
    await apiKeys.delete(key.id);
    await temp.storage.flush();
    expect((await requestLogs.list()).total).toBe(1);
    expect(temp.backgroundErrors).toEqual([]);
  });
});
