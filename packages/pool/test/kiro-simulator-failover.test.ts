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
  type FaultHandle,
  type KiroSimulator,
  type RequestFault,
} from '@octoproxy/kiro-simulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { createPool, type Pool, type PoolEvent, type PoolUpstream } from '../src/index';
import { MemoryPoolStore } from '../src/testing/index';
import { eventsOf } from './pool-harness';
import {
  attemptConversationId,
  failedBeforeFirstByte,
  groupByRequest,
} from './simulator-attempt-log';

/**
 * The pool with the real Kiro client against the Kiro simulator over loopback: 3 accounts, 30 % of the
 * chat calls of two of them failing before the first event (429, 5xx, connection resets, model
 * overload, one quota exhaustion each), 5 % of all streams cut mid-way. While one account stays
 * healthy no failure may reach a client; every cut stream ends with an error event, never a hang or
 * repeated text. Every assertion holds by construction, whatever the timing: the simulator's request
 * log and fault counters say which sends failed, and each pool attempt carries its own conversation id.
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
function injectMix(options: {
  accountId: string;
  total: number;
  faults: RequestFault[];
}): FaultHandle[] {
  const share = options.total / options.faults.length;
  return options.faults.map((fault, index) =>
    sim.injectFault({
      accountId: options.accountId,
      fault,
      times: 'always',
      probability: share / (1 - share * index),
    }),
  );
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
async function serve(requestNumber: number): Promise<Served> {
  const { value, lease, account, attempts } = await pool.run({
    model: 'claude-sonnet-4-5',
    attempt: async ({ account: chosen, attempt, signal }) => {
      const response = await client.generateAssistantResponse({
        account: kiroAccounts.get(chosen.id)!,
        request,
        signal,
        conversationId: attemptConversationId({ request: requestNumber, attempt }),
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
  sim = await startKiroSimulator({
    port: 0,
    seed: 5,
    tokensPerSecond: 100_000,
    requestLog: { maxEntries: 100_000 },
  });
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
    const reference = textOf((await serve(0)).events);
    expect(reference.split(' ')).toHaveLength(24);
    const [a1, a2, a3] = [...kiroAccounts.keys()] as [string, string, string];
    const quotaFaults: FaultHandle[] = [];
    const mixFaults: FaultHandle[][] = [];
    for (const accountId of [a1, a2]) {
      // The account's first chat call: fires whatever the timing, and the usage sync has the whole
      // run to take the account back.
      quotaFaults.push(sim.injectFault({ accountId, fault: { type: 'quota-exhausted' } }));
      mixFaults.push(
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
        }),
      );
    }
    const cuts = sim.injectFault({
      fault: { type: 'cut-stream', afterFrames: 4 },
      times: 'always',
      probability: 0.05,
    });

    const outcomes = new Map<number, Served>();
    const failures: unknown[] = [];
    const concurrency = 3;
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          next += 1;
          const requestNumber = next;
          try {
            outcomes.set(requestNumber, await serve(requestNumber));
          } catch (error) {
            failures.push(error);
          }
        }
      }),
    );

    // No client-visible failure: a3 never fails before the first byte, and the pool always reaches it
    // (an ejection may not take the last account that can serve; an ejected one still serves in panic).
    expect(failures).toEqual([]);
    expect(outcomes.size).toBe(requests);
    expect(eventsOf(events, 'no_eligible_account')).toEqual([]);

    // Mid-stream cuts: each one that fired ends its stream with an error event and a prefix of the
    // text; every other stream is complete. Never a hang (the test would time out), never repeats.
    let cut = 0;
    for (const outcome of outcomes.values()) {
      const last = outcome.events.at(-1);
      const text = textOf(outcome.events);
      expect(reference.startsWith(text)).toBe(true);
      if (last?.type === 'error') {
        cut += 1;
        expect(text.length).toBeLessThan(reference.length);
      } else {
        expect(last?.type).toBe('message_stop');
        expect(text).toBe(reference);
      }
    }
    expect(cut).toBe(cuts.fired);
    expect(cut).toBeGreaterThan(50); // 5 % of at least 2 000 streams

    // The simulator's log, one entry per send, grouped by request and pool attempt.
    const chats = sim.requests.entries('generateAssistantResponse');
    const logged = groupByRequest(chats);
    const rules = [...quotaFaults, ...mixFaults.flat()];
    const faultsFired = rules.reduce((sum, rule) => sum + rule.fired, 0);
    expect(chats.filter(failedBeforeFirstByte)).toHaveLength(faultsFired);
    expect(chats.filter((entry) => entry.fault === 'cut-stream')).toHaveLength(cuts.fired);
    for (const rule of quotaFaults) expect(rule.fired).toBe(1);
    // Each fault type struck: at most one account is ejected at a time, so the other faulty one
    // carries hundreds of calls at 6 % per type.
    const [mixA1 = [], mixA2 = []] = mixFaults;
    mixA1.forEach((rule, index) => {
      expect(rule.fired + (mixA2[index]?.fired ?? 0)).toBeGreaterThan(0);
    });

    let retried = 0;
    let failedFirstAttempts = 0;
    let failedAttempts = 0;
    for (const [requestNumber, outcome] of outcomes) {
      const attempts = logged.get(requestNumber) ?? [];
      expect(attempts.map(({ attempt }) => attempt)).toEqual(
        Array.from({ length: outcome.attempts }, (_, index) => index + 1),
      );
      expect(outcome.attempts).toBeLessThanOrEqual(3); // the default maxAttempts
      const finalSends = attempts.map(({ sends }) => sends.at(-1)!);
      for (const { sends } of attempts) {
        // The Kiro client resends only a request its reused connection dropped before any byte.
        for (const send of sends.slice(0, -1)) expect(send.fault).toBe('connection-reset');
        expect(new Set(sends.map((send) => send.accountId)).size).toBe(1);
      }
      // Every attempt but the last failed before its first byte; the last one was served.
      const served = finalSends.at(-1)!;
      expect(failedBeforeFirstByte(served)).toBe(false);
      expect(served).toMatchObject({ accountId: outcome.accountId, status: 200 });
      for (const failed of finalSends.slice(0, -1)) {
        expect(failedBeforeFirstByte(failed)).toBe(true);
        // ...and was followed by a successful attempt on another account.
        expect(failed.accountId).not.toBe(served.accountId);
      }
      expect(new Set(finalSends.map((send) => send.accountId)).size).toBe(finalSends.length);
      failedAttempts += outcome.attempts - 1;
      if (outcome.attempts > 1) retried += 1;
      if (failedBeforeFirstByte(finalSends[0]!)) failedFirstAttempts += 1;
    }
    // One retry per request whose first attempt failed, and one failed attempt per retry.
    expect(retried).toBe(failedFirstAttempts);
    expect(retried).toBeGreaterThan(0);
    expect(eventsOf(events, 'attempt_failed')).toHaveLength(failedAttempts);
    expect(pool.stats().panic.routed).toBe(eventsOf(events, 'panic_routed').length);

    // Each quota exhaustion took its account out, and the usage sync (every 1.2 s) saw the credits
    // left and took it back long before the reset date.
    const exhausted = eventsOf(events, 'account_changed').filter(
      (event) => event.detail.change === 'quota_exhausted',
    );
    expect(exhausted.map((event) => event.accountId).sort()).toEqual([a1, a2].sort());
    await vi.waitFor(
      () => {
        const restored = eventsOf(events, 'account_changed').filter(
          (event) => event.detail.change === 'quota_restored' && event.detail.by === 'usage_sync',
        );
        expect(new Set(restored.map((event) => event.accountId))).toEqual(new Set([a1, a2]));
      },
      { timeout: 10_000, interval: 50 },
    );

    expect(pool.stats()).toMatchObject({ inFlight: 0, queued: 0 });
    expect(pool.stats().retryBudget).toMatchObject({ activeRequests: 0, retriesInFlight: 0 });
    const servedBy = new Set([...outcomes.values()].map((outcome) => outcome.accountId));
    expect(servedBy).toContain(a3);
    expect(servedBy.size).toBeGreaterThan(1); // the faulty accounts carried traffic too
  }, 120_000);
});
