import { describe, expect, it } from 'vitest';

import type { KiroAccount } from '../account';
import { KiroTokenError } from '../errors/kiro-errors';
import { KiroTokenManager, type KiroTokenUpdate } from './kiro-token-manager';
import type { KiroTokenSet } from './refresh-token';

const start = Date.parse('2026-01-01T00:00:00Z');

function account(expiresInMs: number, extra: Partial<KiroAccount> = {}): KiroAccount {
  return {
    id: 'a',
    authMethod: 'social',
    credentials: {
      accessToken: 'old-access',
      refreshToken: 'old-refresh',
      expiresAt: new Date(start + expiresInMs).toISOString(),
    },
    ...extra,
  };
}

function manager(
  refresh: (refreshToken: string) => Promise<KiroTokenSet>,
  updates: KiroTokenUpdate[] = [],
) {
  let now = start;
  const tokens = new KiroTokenManager({
    refresh: (_account, refreshToken) => refresh(refreshToken),
    onTokensRefreshed: (update) => void updates.push(update),
    now: () => now,
  });
  return { tokens, advance: (ms: number) => (now += ms) };
}

describe('KiroTokenManager', () => {
  it('uses a token far from expiry and refreshes one within the refresh-ahead window', async () => {
    let calls = 0;
    const { tokens, advance } = manager(() => {
      calls++;
      return Promise.resolve({
        accessToken: `new-${calls}`,
        expiresAt: new Date(start + 3_600_000).toISOString(),
      });
    });
    const fresh = account(30 * 60_000);
    expect(await tokens.getAccessToken(fresh)).toBe('old-access');
    advance(21 * 60_000);
    expect(await tokens.getAccessToken(fresh)).toBe('new-1');
    expect(await tokens.getAccessToken(fresh)).toBe('new-1');
    expect(calls).toBe(1);
  });

  it('runs one refresh for many concurrent callers and keeps the old refresh token', async () => {
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const updates: KiroTokenUpdate[] = [];
    const { tokens } = manager(async () => {
      calls++;
      await gate;
      return { accessToken: 'fresh', expiresAt: new Date(start + 3_600_000).toISOString() };
    }, updates);
    const expired = account(-1);
    const waiting = Promise.all(Array.from({ length: 100 }, () => tokens.getAccessToken(expired)));
    release();
    expect(new Set(await waiting)).toEqual(new Set(['fresh']));
    expect(calls).toBe(1);
    expect(updates).toEqual([
      {
        accountId: 'a',
        credentials: {
          accessToken: 'fresh',
          refreshToken: 'old-refresh',
          expiresAt: '2026-01-01T01:00:00.000Z',
        },
        profileArn: undefined,
      },
    ]);
  });

  it('does not refresh again for a token another caller already replaced', async () => {
    let calls = 0;
    const { tokens } = manager(() => {
      calls++;
      return Promise.resolve({
        accessToken: `new-${calls}`,
        refreshToken: 'r2',
        expiresAt: new Date(start + 3_600_000).toISOString(),
      });
    });
    const valid = account(3_600_000);
    expect(await tokens.forceRefresh(valid, { rejectedToken: 'old-access' })).toBe('new-1');
    expect(await tokens.forceRefresh(valid, { rejectedToken: 'old-access' })).toBe('new-1');
    expect(calls).toBe(1);
    expect(tokens.credentialsOf(valid).refreshToken).toBe('r2');
  });

  it('lets a waiting caller abort without cancelling the shared refresh', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { tokens } = manager(async () => {
      await gate;
      return { accessToken: 'fresh', expiresAt: new Date(start + 3_600_000).toISOString() };
    });
    const controller = new AbortController();
    const aborted = tokens.getAccessToken(account(-1), { signal: controller.signal });
    const patient = tokens.getAccessToken(account(-1));
    controller.abort(new Error('bye'));
    await expect(aborted).rejects.toThrow('bye');
    release();
    expect(await patient).toBe('fresh');
  });

  it('fails clearly without a refresh token, and shares a refresh failure', async () => {
    const { tokens } = manager(() =>
      Promise.reject(new KiroTokenError({ reason: 'refresh_revoked' })),
    );
    await expect(
      tokens.getAccessToken({
        ...account(-1),
        credentials: { accessToken: 'x', expiresAt: new Date(start - 1).toISOString() },
      }),
    ).rejects.toMatchObject({ reason: 'refresh_revoked' });
    const results = await Promise.allSettled([
      tokens.getAccessToken(account(-1)),
      tokens.getAccessToken(account(-1)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it("prefers the caller's credentials once they are at least as new", async () => {
    const { tokens } = manager(() =>
      Promise.resolve({
        accessToken: 'ours',
        expiresAt: new Date(start + 3_600_000).toISOString(),
      }),
    );
    await tokens.getAccessToken(account(-1));
    const relogged = account(7_200_000);
    relogged.credentials.accessToken = 'theirs';
    expect(await tokens.getAccessToken(relogged)).toBe('theirs');
  });
});
