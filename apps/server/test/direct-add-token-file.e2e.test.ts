import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ accounts: 0 });
});
afterAll(() => e2e.close());

describe('adding an account from a pasted token file', () => {
  it('keeps the tokens the validating refresh issued, not the rotated-out ones of the file', async () => {
    const account = e2e.sim.addAccount({ authMethod: 'social', rotateRefreshToken: true });
    const created = await e2e.admin('POST', '/api/providers', {
      credentials: { ...account.tokenFile, expiresAt: '2099-01-01T00:00:00.000Z' },
    });
    expect(created.status).toBe(201);
    // Onboarding refreshed once: the file's refresh token is revoked now. Force the gateway to
    // refresh again: only the refresh token onboarding received can do it.
    e2e.sim.expireAccessToken(account.id);
    const anthropic = new Anthropic({ baseURL: e2e.url, apiKey: e2e.apiKey, maxRetries: 0 });
    const message = await anthropic.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'sim: text still signed in' }],
    });
    expect(message.content).toEqual([{ type: 'text', text: 'still signed in' }]);
  });

  it('pasted twice: the second paste is a duplicate, though the first rotated its token', async () => {
    const account = e2e.sim.addAccount({ authMethod: 'social', rotateRefreshToken: true });
    const first = await e2e.admin('POST', '/api/providers', { credentials: account.tokenFile });
    expect(first.status).toBe(201);
    const before = (await e2e.admin('GET', '/api/providers')).body as { providers: unknown[] };
    const again = await e2e.admin('POST', '/api/providers', { credentials: account.tokenFile });
    expect(again).toMatchObject({ status: 400, body: { error: { code: 'duplicate' } } });
    const after = (await e2e.admin('GET', '/api/providers')).body as { providers: unknown[] };
    expect(after.providers).toHaveLength(before.providers.length);
  });
});
