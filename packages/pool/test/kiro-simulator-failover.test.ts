import {
  anthropicMessagesRequestSchema,
  type AnthropicStreamEvent,
} from '@octoproxy/converters/anthropic';
import {
  createKiroClient,
  parseKiroTokenFile,
  type KiroAccount,
  type KiroClient,
} from '@octoproxy/kiro';
import {
  startKiroSimulator,
  type KiroSimulator,
  type RequestFault,
} from '@octoproxy/kiro-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createPool, type Pool, type PoolEvent, type PoolUpstream } from '../src/index';
import { MemoryPoolStore } from '../src/testing/index';

/**
 * The pool with the real Kiro client against the Kiro simulator over loopback: 3 accounts, 30 % of the
 * chat calls of two of them failing before the first event (429, 5xx, connection resets, model
 * overload, one quota exhaustion), 5 % of all streams cut mid-way. While one account stays healthy no
 * failure may reach a client; every cut stream ends with an error event, never a hang or repeated text.
 */
const requests = 2_000;
const prompt = 'sim: words 24';

let sim: KiroSimulator;
let client: KiroClient;
let pool: Pool;
const kiroAccounts = new Map<string, KiroAccount>();
const events: PoolEvent[] = [];

function upstreamPort(kiro: KiroClient): PoolUpstream {
  const accountOf = (id: string) => {
    const account = kiroAccounts.get(id);
    if (account === undefined) throw new Error(`unknown account ${id}`);
    return account;
  };
  return {
    async refreshToken(account, { signal }) {
      await kiro.ensureFreshToken({ account: accountOf(account.id), signal });
      return { refreshed: false, expiresAt: null };
    },
    async fetchUsage(account, { signal }) {
      const usage = await kiro.getUsageLimits({ account: accountOf(account.id), signal });
      return {
        used: usage.used,
        limit: usage.limit,
        exhausted: usage.remaining <= 0 && !usage.overages.enabled,
        resetAt: usage.resetAt?.getTime() ?? null,
        plan: usage.subscriptionTitle ?? null,
        entitledModels: null,
      };
    },
  };
}

/** Rules are matched in order, first firing wins: conditional chances that add up to `total`. */
function injectMix(options: { accountId: string; total: number; faults: RequestFault[] }): void {
  const share = options.total / options.faults.length;
  options.faults.forEach((fault, index) => {
    sim.injectFault({
      accountId: options.accountId,
      fault,
      times: 'always',
      probability: share / (1 - share * index),
    });
  });
}

interface Served {
  accountId: string;
  attempts: number;
  events: AnthropicStreamEvent[];
}

const request = anthropicMessagesRequestSchema.parse({
  model: 'claude-sonnet-4-5',
  max_tokens: 1024,
  messages: [{ role: 'user', content: prompt }],
});

/** What the server does: the attempt resolves at the first event; the rest streams under the lease. */
async function serve(): Promise<Served> {
  const { value, lease, account, attempts } = await pool.run({
    model: 'claude-sonnet-4-5',
    attempt: async ({ account: chosen, signal }) => {
      const response = await client.generateAssistantResponse({
        account: kiroAccounts.get(chosen.id)!,
        request,
        signal,
      });
      const reader = response.events.getReader();
      const first = await reader.read(); // a failure before the first frame rejects here
      if (first.done) throw new Error('empty stream');
      return { response, reader, first: first.value };
    },
  });
  const streamed: AnthropicStreamEvent[] = [value.first];
  for (;;) {
    const next = await value.reader.read();
    if (next.done) break;
    streamed.push(next.value);
  }
  const summary = await value.response.metadata;
  if (summary.error === undefined) lease.succeed({ creditsUsed: summary.credits });
  else lease.fail(summary.error);
  return { accountId: account.id, attempts, events: streamed };
}

function textOf(streamed: readonly AnthropicStreamEvent[]): string {
  return streamed
    .map((event) =>
      event.type === 'content_block_delta' && event.delta.type === 'text_delta'
        ? event.delta.text
        : '',
    )
    .join('');
}

beforeAll(async () => {
  // Paced output, so the frames before a cut really reach the client before the socket is reset.
  sim = await startKiroSimulator({ port: 0, seed: 5, tokensPerSecond: 100_000 });
  client = createKiroClient({
    endpoints: { api: sim.apiUrl, auth: sim.authUrl, oidc: sim.oidcUrl },
    timeouts: { firstByteMs: 10_000, idleMs: 10_000 },
  });
  const configs = ['a1', 'a2', 'a3'].map((label, index) => {
    const simulated = sim.addAccount({
      authMethod: 'social',
      plan: 'POWER',
      usageLimit: 1_000_000,
    });
    const { account } = parseKiroTokenFile({ tokenFile: simulated.tokenFile });
    kiroAccounts.set(simulated.id, {
      ...account,
      id: simulated.id,
      apiRegion: simulated.region,
      profileArn: simulated.profileArn,
      machineId: String(index + 1).repeat(64),
    });
    return { id: simulated.id, label, enabled: true, createdAt: index };
  });
  pool = createPool({
    store: new MemoryPoolStore(configs),
    upstream: upstreamPort(client),
    settings: {
      healthCheck: { enabled: false },
      tokenRefresh: { enabled: false },
      usageSync: { intervalMinutes: 0.02 },
      upkeep: { tickSeconds: 0.25 },
      retryBackoff: { baseMs: 5, capMs: 20 },
    },
  });
  pool.subscribe((event) => events.push(event));
  await pool.start();
});

afterAll(async () => {
  await pool.stop();
  await client.close();
  await sim.close();
});

describe('pool + Kiro client + Kiro simulator', () => {
  it('serves 2 000 requests without a client-visible failure while one account is healthy', async () => {
    const reference = textOf((await serve()).events);
    expect(reference.split(' ')).toHaveLength(24);
    const [a1, a2] = [...kiroAccounts.keys()];
    for (const accountId of [a1!, a2!]) {
      sim.injectFault({ accountId, fault: { type: 'quota-exhausted' }, skip: 200 });
      injectMix({
        accountId,
        total: 0.3,
        faults: [
          { type: 'throttled', retryAfterSeconds: 1 },
          { type: 'server-error', status: 503 },
          { type: 'server-error', status: 500, highLoad: true },
          { type: 'connection-reset' },
          { type: 'model-overloaded' },
        ],
      });
    }
    sim.injectFault({
      fault: { type: 'cut-stream', afterFrames: 4 },
      times: 'always',
      probability: 0.05,
    });

    const outcomes: Served[] = [];
    const failures: unknown[] = [];
    const concurrency = 3;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          next += 1;
          try {
            outcomes.push(await serve());
          } catch (error) {
            failures.push(error);
          }
        }
      }),
    );

    expect(failures).toEqual([]);
    expect(outcomes).toHaveLength(requests);
    let cut = 0;
    for (const outcome of outcomes) {
      const last = outcome.events.at(-1);
      const text = textOf(outcome.events);
      expect(reference.startsWith(text)).toBe(true); // never repeated or out-of-order text
      if (last?.type === 'error') {
        cut += 1;
        expect(text.length).toBeLessThan(reference.length);
      } else {
        expect(last?.type).toBe('message_stop');
        expect(text).toBe(reference);
      }
      expect(outcome.attempts).toBeLessThanOrEqual(3); // the default maxAttempts
    }
    expect(cut).toBeGreaterThan(50);
    const retried = outcomes.filter((outcome) => outcome.attempts > 1).length;
    expect(retried).toBeGreaterThan(100);
    const quota = events.filter(
      (event) => event.type === 'account_changed' && event.detail.change === 'quota_exhausted',
    );
    expect(quota.length).toBeGreaterThanOrEqual(1);
    // The usage sync saw credits left and took the exhausted accounts back long before any reset date.
    expect(
      events.some(
        (event) =>
          event.type === 'account_changed' &&
          event.detail.change === 'quota_restored' &&
          event.detail.by === 'usage_sync',
      ),
    ).toBe(true);
    expect(pool.stats()).toMatchObject({ inFlight: 0, queued: 0 });
    expect(pool.stats().retryBudget).toMatchObject({ activeRequests: 0, retriesInFlight: 0 });
    const servedBy = new Set(outcomes.map((outcome) => outcome.accountId));
    expect(servedBy.size).toBe(3);
  }, 120_000);
});
