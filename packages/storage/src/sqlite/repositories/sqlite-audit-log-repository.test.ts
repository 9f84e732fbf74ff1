import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openTempStorage, type TempStorage } from '../../../test/support/temp-storage';

describe('audit log', () => {
  let temp: TempStorage;
  beforeEach(async () => {
    temp = await openTempStorage();
  });
  afterEach(() => temp.dispose());

  it('stores who changed what, with secret-looking values redacted at any depth', async () => {
    const entry = await temp.storage.auditLog.append({
      actorUserId: 'u1',
      actorIp: '127.0.0.1',
      action: 'account.update',
      targetType: 'account',
      targetId: 'a1',
      details: {
        fields: ['name', 'credentials'],
        apiKeyId: 'k1',
        mustChangePassword: true,
        newPassword: 'hunter2',
        credentials: { accessToken: 'aoa-token', refreshToken: 'aor-token' },
        nested: [{ client_secret: 'shh', region: 'us-east-1' }],
        keyHash: 'abc',
      },
    });
    expect(entry.details).toEqual({
      fields: ['name', 'credentials'],
      apiKeyId: 'k1',
      mustChangePassword: true,
      newPassword: '[redacted]',
      credentials: '[redacted]',
      nested: [{ client_secret: '[redacted]', region: 'us-east-1' }],
      keyHash: '[redacted]',
    });
    expect(JSON.stringify((await temp.storage.auditLog.list()).items)).not.toMatch(
      /hunter2|aoa-token|shh/,
    );
  });

  it('lists newest first with filters, and prunes old entries', async () => {
    const { auditLog } = temp.storage;
    await auditLog.append({ action: 'login.failure', actorIp: '10.0.0.1' });
    temp.clock.advance(1000);
    await auditLog.append({
      action: 'user.create',
      actorUserId: 'u1',
      targetType: 'user',
      targetId: 'u2',
    });
    temp.clock.advance(1000);
    await auditLog.append({
      action: 'user.delete',
      actorUserId: 'u1',
      targetType: 'user',
      targetId: 'u2',
    });
    expect((await auditLog.list()).items.map((entry) => entry.action)).toEqual([
      'user.delete',
      'user.create',
      'login.failure',
    ]);
    expect((await auditLog.list({ targetType: 'user', targetId: 'u2', limit: 1 })).total).toBe(2);
    expect((await auditLog.list({ action: 'login.failure' })).items[0]?.actorIp).toBe('10.0.0.1');
    expect(await auditLog.deleteOlderThan(temp.clock.now - 500)).toBe(2);
    expect((await auditLog.list({ actorUserId: 'u1' })).total).toBe(1);
  });
});
