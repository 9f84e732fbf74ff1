import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createSecretBox, generateSecretKey, parseSecretKeyring } from '@octoproxy/auth';
import { openDatabase, type Storage } from '@octoproxy/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { credentialsAssociatedData } from '../../routes/admin/account-service';
import { StoredKiroAccounts } from './stored-kiro-accounts';

describe('StoredKiroAccounts', () => {
  let dir: string;
  let storage: Storage;
  const box = createSecretBox(parseSecretKeyring(generateSecretKey()));
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'octoproxy-kiro-accounts-'));
    storage = await openDatabase({ path: join(dir, 'octo-proxy.db') });
  });
  afterEach(async () => {
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  const seal = (accountId: string, tokens: Record<string, unknown>) =>
    box.seal(JSON.stringify(tokens), credentialsAssociatedData(accountId));

  async function createAccount(tokens: Record<string, unknown>) {
    const id = crypto.randomUUID();
    await storage.accounts.create({
      id,
      name: 'main',
      authMethod: 'social',
      region: 'us-east-1',
      profileArn: 'arn:aws:codewhisperer:us-east-1:1:profile/A',
      encryptedCredentials: seal(id, tokens),
    });
    return id;
  }

  it('loads settings and credentials, and sees every change to the stored credentials', async () => {
    const accounts = new StoredKiroAccounts(storage, box);
    const id = await createAccount({
      accessToken: 'aoa-1',
      refreshToken: 'aor-1',
      expiresAt: '2030-01-01T00:00:00.000Z',
    });
    const first = await accounts.load(id);
    expect(first).toMatchObject({
      id,
      authMethod: 'social',
      apiRegion: 'us-east-1',
      profileArn: 'arn:aws:codewhisperer:us-east-1:1:profile/A',
      credentials: { accessToken: 'aoa-1', refreshToken: 'aor-1' },
    });

    // Each load hands out its own object: changing one never leaks into the next.
    first.credentials.accessToken = 'changed by the caller';
    expect((await accounts.load(id)).credentials.accessToken).toBe('aoa-1');

    await accounts.saveTokens({
      accountId: id,
      credentials: { accessToken: 'aoa-2', expiresAt: '2031-01-01T00:00:00.000Z' },
    });
    expect((await accounts.load(id)).credentials).toMatchObject({
      accessToken: 'aoa-2',
      refreshToken: 'aor-1',
    });

    // Replaced behind its back (an admin edit, another process): the new ciphertext is opened.
    await storage.accounts.update(id, {
      encryptedCredentials: seal(id, { accessToken: 'aoa-3', refreshToken: 'aor-3' }),
    });
    expect((await accounts.load(id)).credentials).toMatchObject({
      accessToken: 'aoa-3',
      refreshToken: 'aor-3',
    });

    // A ciphertext that does not open is an error every time, never the last good value.
    await storage.accounts.update(id, { encryptedCredentials: seal('another-account', {}) });
    await expect(accounts.load(id)).rejects.toThrow();
    await expect(accounts.load(id)).rejects.toThrow();

    await storage.accounts.delete(id);
    await expect(accounts.load(id)).rejects.toThrow(/no longer exists/);
  });
});
