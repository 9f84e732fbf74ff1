import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';

/** The provider DTO fields these tests read. */
interface Provider {
  id: string;
  name: string;
  apiRegion: string;
  region: string;
  ssoRegion: string | null;
  startUrl: string | null;
  profileArn: string | null;
  healthState: string;
  healthReason: string | null;
  needsSignIn: boolean;
  errorCount: number;
  lastError: string | null;
  lastErrorAt: number | null;
  quarantined: boolean;
  cooldownUntil: number | null;
  planTier: string | null;
  usage: {
    used: number | null;
    limit: number | null;
    pools: {
      kind: string;
      name: string;
      used: number;
      limit: number;
      resetsAt: number | null;
      expiresAt: number | null;
      status: string;
    }[];
  };
}

interface LogRow {
  status: number;
  accountId: string | null;
  errorMessage: string | null;
  attemptCount: number;
  attempts: {
    accountId: string;
    accountName: string | null;
    outcome: string;
    reason: string | null;
    message: string | null;
    durationMs: number | null;
  }[];
}

let e2e: E2E;
let anthropic: Anthropic;

beforeAll(async () => {
  // Upstream hosts by name through the simulator's DNS, as in production; the oldest account first,
  // so a test decides which account a request tries first.
  e2e = await startE2E({
    accounts: 0,
    hostNames: true,
    config: { providerStrategy: 'oldest_first' },
  });
  anthropic = new Anthropic({ baseURL: e2e.url, apiKey: e2e.apiKey, maxRetries: 0 });
});
afterAll(async () => {
  await e2e.close();
});

async function providers(): Promise<Provider[]> {
  return ((await e2e.admin('GET', '/api/providers')).body as { providers: Provider[] }).providers;
}

async function provider(id: string): Promise<Provider> {
  const found = (await providers()).find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no provider ${id}`);
  return found;
}

async function addProvider(body: Record<string, unknown>): Promise<Provider> {
  const created = await e2e.admin('POST', '/api/providers', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return (created.body as { provider: Provider }).provider;
}

async function removeAll(): Promise<void> {
  for (const entry of await providers()) await e2e.admin('DELETE', `/api/providers/${entry.id}`);
}

const ask = (text: string) =>
  anthropic.messages.create({
    model: 'claude-sonnet-4-6',
    max_tokens: 64,
    messages: [{ role: 'user', content: text }],
  });

describe('an IAM Identity Center token file pasted as documented', () => {
  it('is stored with its SSO region apart from the API region, finds its profile and serves', async () => {
    await removeAll();
    const simulated = e2e.sim.addAccount({ authMethod: 'idc', ssoRegion: 'us-east-2' });
    expect(simulated.tokenFile.region).toBe('us-east-2');
    const stored = await addProvider({
      name: 'idc',
      credentials: JSON.stringify({
        ...simulated.tokenFile,
        clientId: simulated.clientRegistration?.clientId,
        clientSecret: simulated.clientRegistration?.clientSecret,
      }),
    });
    expect(stored).toMatchObject({
      apiRegion: 'us-east-1',
      ssoRegion: 'us-east-2',
      startUrl: simulated.tokenFile.startUrl,
    });
    const message = await ask('sim: text identity center works');
    expect(message.content).toEqual([{ type: 'text', text: 'identity center works' }]);
    const chat = e2e.sim.requests.last('generateAssistantResponse');
    expect(chat).toMatchObject({ region: 'us-east-1', outcome: 'completed' });
    expect((await provider(stored.id)).profileArn).toBe(simulated.profileArn);
    const check = await e2e.admin('POST', `/api/providers/${stored.id}/health-check`);
    expect(check.body).toMatchObject({ healthy: true, error: null });
  });
});

describe('the same token file pasted twice', () => {
  it('makes one row; the copy whose token rotated away shows as needing a sign-in', async () => {
    await removeAll();
    const simulated = e2e.sim.addAccount({ authMethod: 'social' });
    const first = await addProvider({ name: 'first', credentials: simulated.tokenFile });
    // Adding refreshed the token (Kiro rotates refresh tokens): the pasted file is spent.
    const again = await e2e.admin('POST', '/api/providers', {
      name: 'second',
      credentials: simulated.tokenFile,
    });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect((await providers()).map((entry) => entry.id)).toEqual([first.id]);
    expect(await provider(first.id)).toMatchObject({ healthState: 'healthy', needsSignIn: false });

    // The same account refreshed elsewhere (say, the Kiro IDE): this row's refresh token is dead.
    e2e.sim.revokeRefreshToken(simulated.id);
    const check = await e2e.admin('POST', `/api/providers/${first.id}/health-check`);
    expect(check.body).toMatchObject({ healthy: false });
    expect(await provider(first.id)).toMatchObject({
      healthState: 'unhealthy',
      healthReason: 'refresh_revoked',
      needsSignIn: true,
      quarantined: false,
    });
  });
});

describe('an account whose API host does not resolve', () => {
  it('is unhealthy after its first health check, and after its first failed request; requests fail over', async () => {
    await removeAll();
    const [broken, good] = [1, 2].map(() => e2e.sim.addAccount({ authMethod: 'social' }));
    const brokenProvider = await addProvider({ name: 'broken', credentials: broken!.tokenFile });
    const goodProvider = await addProvider({ name: 'good', credentials: good!.tokenFile });
    // The admin typed the wrong API region: q.us-east-2.amazonaws.com does not exist.
    const patched = await e2e.admin('PUT', `/api/providers/${brokenProvider.id}`, {
      region: 'us-east-2',
    });
    expect(patched.status).toBe(200);

    const check = await e2e.admin('POST', `/api/providers/${brokenProvider.id}/health-check`);
    expect(check.body).toMatchObject({ healthy: false });
    expect((check.body as { error: string }).error).toContain(
      'API region us-east-2 has no Kiro API host',
    );
    const afterCheck = await provider(brokenProvider.id);
    expect(afterCheck).toMatchObject({
      healthState: 'unhealthy',
      healthReason: 'unknown_host',
      needsSignIn: false,
      quarantined: false,
      cooldownUntil: null,
      errorCount: 1,
    });
    expect(afterCheck.lastError).toContain('q.us-east-2.amazonaws.com does not resolve');
    expect(afterCheck.lastErrorAt).toBeGreaterThan(Date.now() - 60_000);

    // The admin vouches for it (reset): the next request finds out again, by itself.
    await e2e.admin('POST', `/api/providers/${brokenProvider.id}/reset`);
    expect((await provider(brokenProvider.id)).healthState).toBe('healthy');
    const message = await ask('sim: text served by the good one');
    expect(message.content).toEqual([{ type: 'text', text: 'served by the good one' }]);
    const afterRequest = await provider(brokenProvider.id);
    expect(afterRequest).toMatchObject({
      healthState: 'unhealthy',
      healthReason: 'unknown_host',
      quarantined: false,
      errorCount: 2,
    });
    expect((await provider(goodProvider.id)).healthState).toBe('healthy');

    await vi.waitFor(
      async () => {
        const logs = (await e2e.admin('GET', '/api/logs?limit=1')).body as { logs: LogRow[] };
        expect(logs.logs[0]).toMatchObject({
          status: 200,
          accountId: goodProvider.id,
          errorMessage: null,
          attemptCount: 2,
        });
        const [first, second] = logs.logs[0]!.attempts;
        expect(first).toMatchObject({
          accountId: brokenProvider.id,
          accountName: 'broken',
          outcome: 'misconfigured',
          reason: 'unknown_host',
        });
        expect(first?.message).toContain('API region us-east-2 has no Kiro API host');
        expect(second).toMatchObject({
          accountId: goodProvider.id,
          accountName: 'good',
          outcome: 'success',
          reason: null,
          message: null,
        });
      },
      { timeout: 5_000 },
    );
  });
});

describe('a stream that breaks after its first event', () => {
  it('is logged against the account that served it, with the failure', async () => {
    await removeAll();
    const simulated = e2e.sim.addAccount({ authMethod: 'social' });
    const stored = await addProvider({ name: 'cut', credentials: simulated.tokenFile });
    const handle = e2e.sim.injectFault({
      fault: { type: 'exception', exceptionType: 'InternalServerException', afterFrames: 2 },
      accountId: simulated.id,
    });
    const stream = anthropic.messages.stream({
      model: 'claude-sonnet-4-6',
      max_tokens: 128,
      messages: [{ role: 'user', content: 'sim: chunks ["one ","two ","three ","four"]' }],
    });
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(Anthropic.APIError);
    expect(handle.fired).toBe(1);
    await vi.waitFor(
      async () => {
        const logs = (await e2e.admin('GET', '/api/logs?limit=1')).body as { logs: LogRow[] };
        expect(logs.logs[0]?.errorMessage).not.toBeNull();
        expect(logs.logs[0]?.attempts).toEqual([
          expect.objectContaining({
            accountId: stored.id,
            accountName: 'cut',
            outcome: 'stream_failed',
            reason: 'upstream_5xx',
          }),
        ]);
      },
      { timeout: 5_000 },
    );
  });
});

describe('what the accounts table shows', () => {
  it('every credit pool (free trial, bonus) and Kiro’s own plan name', async () => {
    await removeAll();
    const simulated = e2e.sim.addAccount({
      authMethod: 'social',
      plan: 'FREE',
      bonuses: [{ bonusCode: 'LAUNCH', displayName: 'Launch bonus', usageLimit: 250 }],
    });
    const stored = await addProvider({ name: 'free', credentials: simulated.tokenFile });
    await e2e.admin('POST', `/api/providers/${stored.id}/health-check`);
    const shown = await provider(stored.id);
    expect(shown.planTier).toBe('KIRO FREE');
    const usage = e2e.sim.usage(simulated.id);
    // Kiro sends dates in whole seconds.
    const seconds = (ms: number | undefined) => Math.floor((ms ?? 0) / 1000) * 1000;
    expect(shown.usage.pools).toEqual([
      expect.objectContaining({ kind: 'base', name: 'KIRO FREE', limit: 50, status: 'active' }),
      expect.objectContaining({
        kind: 'free-trial',
        limit: 500,
        status: 'active',
        expiresAt: seconds(usage.freeTrial?.expiresAt),
      }),
      expect.objectContaining({
        kind: 'bonus',
        name: 'Launch bonus',
        limit: 250,
        status: 'active',
        expiresAt: seconds(usage.bonuses[0]?.expiresAt),
      }),
    ]);
    expect(shown.usage.pools[0]?.resetsAt).toBe(seconds(usage.nextResetAt));
  });
});
