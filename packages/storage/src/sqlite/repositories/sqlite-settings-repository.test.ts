import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openTempStorage, type TempStorage } from '../../../test/support/temp-storage';

describe('settings', () => {
  let temp: TempStorage;
  beforeEach(async () => {
    temp = await openTempStorage();
  });
  afterEach(() => temp.dispose());

  it('stores JSON values by key and replaces them in one transaction', async () => {
    const { settings } = temp.storage;
    expect(await settings.getAll()).toEqual({});
    await settings.setMany({
      providerStrategy: 'lru',
      maxErrorCount: 3,
      debug: false,
      aliases: { 'claude-opus-*': 'claude-opus-4.5' },
      skipped: undefined,
    });
    await settings.set('maxErrorCount', 5, { updatedBy: 'admin-id' });
    expect(await settings.getAll()).toEqual({
      providerStrategy: 'lru',
      maxErrorCount: 5,
      debug: false,
      aliases: { 'claude-opus-*': 'claude-opus-4.5' },
    });
    expect(await settings.get('debug')).toBe(false);
    expect(await settings.get('missing')).toBeUndefined();
    expect(await settings.delete('debug')).toBe(true);
    expect(await settings.delete('debug')).toBe(false);
  });

  it('writes nothing when one value cannot be stored', async () => {
    const { settings } = temp.storage;
    await settings.set('a', 1);
    await expect(settings.setMany({ a: 2, b: 1n })).rejects.toMatchObject({ code: 'query' });
    expect(await settings.getAll()).toEqual({ a: 1 });
  });
});
