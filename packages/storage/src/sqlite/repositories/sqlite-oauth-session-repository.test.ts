import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openTempStorage, type TempStorage } from '../../../test/support/temp-storage';
import type { NewAccount } from '../../model/accounts';

describe('oauth sessions', () => {
  let temp: TempStorage;
  beforeEach(async () => {
    temp = await openTempStorage();
  });
  afterEach(() => temp.dispose());

  const minute = 60_000;
  const account: NewAccount = {
    name: 'Builder ID',
    authMethod: 'builder-id',
    provider: 'BuilderId',
    region: 'us-east-1',
    encryptedCredentials: 'sealed-tokens',
  };
  const start = () =>
    temp.storage.oauthSessions.create({
      kind: 'builder-id',
      state: 'state-123',
      encryptedSecrets: 'sealed-device-code',
      details: { userCode: 'ABCD-EFGH', verificationUri: 'https://device.example/' },
      expiresAt: temp.clock.now + 10 * minute,
    });

  it('keeps secrets out of the session object', async () => {
    const session = await start();
    expect(session).toMatchObject({
      kind: 'builder-id',
      status: 'pending',
      details: { userCode: 'ABCD-EFGH' },
    });
    expect(JSON.stringify(await temp.storage.oauthSessions.getByState('state-123'))).not.toContain(
      'sealed',
    );
    expect(await temp.storage.oauthSessions.getEncryptedSecrets(session.id)).toBe(
      'sealed-device-code',
    );
  });

  it('lists the pending sessions, oldest first, for a restarted server to resume', async () => {
    const first = await start();
    temp.clock.now += 1;
    const second = await temp.storage.oauthSessions.create({
      kind: 'idc',
      expiresAt: temp.clock.now + minute,
    });
    temp.clock.now += 1;
    const done = await temp.storage.oauthSessions.create({
      kind: 'social',
      expiresAt: temp.clock.now + minute,
    });
    await temp.storage.oauthSessions.update(done.id, { status: 'cancelled' });
    const pending = await temp.storage.oauthSessions.listPending();
    expect(pending.map((session) => session.id)).toEqual([first.id, second.id]);
    expect(JSON.stringify(pending)).not.toContain('sealed');
  });

  it('completes a login atomically: the account exists, the session points at it, secrets are gone', async () => {
    const session = await start();
    const result = await temp.storage.oauthSessions.complete({ sessionId: session.id, account });
    expect(result.session).toMatchObject({
      status: 'completed',
      resultAccountId: result.account.id,
    });
    expect(await temp.storage.accounts.getEncryptedCredentials(result.account.id)).toBe(
      'sealed-tokens',
    );
    expect(await temp.storage.oauthSessions.getEncryptedSecrets(session.id)).toBeUndefined();
    await expect(
      temp.storage.oauthSessions.complete({ sessionId: session.id, account }),
    ).rejects.toMatchObject({ code: 'conflict', reason: 'state' });
    await expect(
      temp.storage.oauthSessions.complete({ sessionId: 'missing', account }),
    ).rejects.toMatchObject({ reason: 'state' });
    expect(await temp.storage.accounts.listAll()).toHaveLength(1);
  });

  it('erases secrets when a login fails, and deletes expired sessions', async () => {
    const session = await start();
    const failed = await temp.storage.oauthSessions.update(session.id, {
      status: 'failed',
      error: 'access_denied',
    });
    expect(failed).toMatchObject({ status: 'failed', error: 'access_denied' });
    expect(await temp.storage.oauthSessions.getEncryptedSecrets(session.id)).toBeUndefined();
    const pending = await temp.storage.oauthSessions.create({
      kind: 'social',
      expiresAt: temp.clock.now + 20 * minute,
    });
    await temp.storage.oauthSessions.update(pending.id, { encryptedSecrets: 'rotated' });
    expect(await temp.storage.oauthSessions.getEncryptedSecrets(pending.id)).toBe('rotated');
    temp.clock.advance(15 * minute);
    expect(await temp.storage.oauthSessions.deleteExpired()).toBe(1);
    expect(await temp.storage.oauthSessions.get(session.id)).toBeUndefined();
    expect(await temp.storage.oauthSessions.delete(pending.id)).toBe(true);
  });
});
