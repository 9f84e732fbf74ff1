import type { Fault } from '@octoproxy/kiro-simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isKiroError, type KiroAccount } from '../src/index';
import { anthropicEventViolations } from './support/anthropic-event-rules';
import {
  failureOf,
  kiroAccountOf,
  messagesRequest,
  readAll,
  startHarness,
  useHarness,
  type SimulatorHarness,
} from './support/simulator';

const harness = useHarness();

function newAccount(
  options: Parameters<SimulatorHarness['sim']['addAccount']>[0] = { authMethod: 'social' },
): KiroAccount {
  return kiroAccountOf(harness.sim.addAccount(options));
}

async function withFault(fault: Fault, request = messagesRequest()) {
  const account = newAccount();
  harness.sim.injectFault({
    fault,
    accountId: account.id,
    times: fault.type === 'connection-reset' ? 2 : 1,
  });
  return failureOf(harness.client.generateAssistantResponse({ account, request }));
}

describe('errors before the stream', () => {
  it.each<[string, Fault, Record<string, unknown>]>([
    [
      'suspended',
      { type: 'suspended' },
      { reason: 'suspended', fault: 'account', mayTryAnotherAccount: true },
    ],
    [
      'throttled with Retry-After',
      { type: 'throttled', retryAfterSeconds: 7 },
      { reason: 'throttled', retryAfterSeconds: 7, suspiciousActivity: false, kind: 'rate_limit' },
    ],
    [
      'throttled for suspicious activity',
      { type: 'throttled', suspicious: true },
      { reason: 'throttled', suspiciousActivity: true },
    ],
    [
      'model overloaded',
      { type: 'model-overloaded' },
      { reason: 'model_overloaded', fault: 'upstream', kind: 'overloaded' },
    ],
    [
      'quota exhausted',
      { type: 'quota-exhausted' },
      { reason: 'quota_exhausted', fault: 'account', kind: 'rate_limit' },
    ],
    ['5xx', { type: 'server-error', status: 503 }, { reason: 'upstream_5xx', fault: 'upstream' }],
    [
      '5xx under high load',
      { type: 'server-error', highLoad: true },
      { reason: 'model_overloaded' },
    ],
    [
      // Two resets: a reused connection's first one is retried on a new connection (see
      // simulator-stale-connection.test.ts).
      'connection reset before headers',
      { type: 'connection-reset' },
      { reason: 'network', fault: 'upstream' },
    ],
    [
      'improperly formed request',
      {
        type: 'http-error',
        status: 400,
        body: { message: 'Improperly formed request.', reason: 'REQUEST_BODY_INVALID' },
      },
      {
        reason: 'malformed_request',
        fault: 'client',
        kind: 'invalid_request',
        mayTryAnotherAccount: false,
        upstream: {
          status: 400,
          reason: 'REQUEST_BODY_INVALID',
          message: 'Improperly formed request.',
        },
      },
    ],
  ])('%s', async (_name, fault, expected) => {
    const error = await withFault(fault);
    expect(isKiroError(error)).toBe(true);
    expect(error).toMatchObject(expected);
  });

  it('tells when the credits of an exhausted account come back', async () => {
    const account = newAccount();
    harness.sim.injectFault({ fault: { type: 'quota-exhausted' }, accountId: account.id });
    const error = await failureOf(
      harness.client.generateAssistantResponse({ account, request: messagesRequest() }),
    );
    expect(error).toMatchObject({
      reason: 'quota_exhausted',
      upstream: { reason: 'MONTHLY_REQUEST_COUNT' },
    });
    expect((error as { resetAt?: Date }).resetAt?.getTime()).toBe(
      harness.sim.usage(account.id).nextResetAt,
    );
  });

  it('refreshes once and retries once on an expired bearer token', async () => {
    const account = newAccount();
    harness.sim.expireAccessToken(account.id);
    const refreshesBefore = harness.sim.requests.count('socialRefreshToken');
    const response = await harness.client.generateAssistantResponse({
      account,
      request: messagesRequest(),
    });
    await readAll(response.events);
    const chats = harness.sim.requests
      .entries('generateAssistantResponse')
      .filter((entry) => entry.accountId === account.id);
    expect(harness.sim.requests.count('socialRefreshToken')).toBe(refreshesBefore + 1);
    expect(chats.map((entry) => entry.status)).toEqual([403, 200]);
    expect(chats[1]!.headers['amz-sdk-request']).toBe('attempt=2; max=2');
  });

  it('gives up with token_expired when the refreshed token is refused too', async () => {
    const account = newAccount();
    harness.sim.injectFault({ fault: { type: 'expired-token' }, accountId: account.id, times: 2 });
    harness.sim.expireAccessToken(account.id);
    const error = await failureOf(
      harness.client.generateAssistantResponse({ account, request: messagesRequest() }),
    );
    expect(error).toMatchObject({ reason: 'token_expired', fault: 'account' });
  });

  it('reports a revoked refresh token', async () => {
    const account = newAccount();
    harness.sim.revokeAccessTokens(account.id);
    harness.sim.revokeRefreshToken(account.id);
    const error = await failureOf(
      harness.client.generateAssistantResponse({ account, request: messagesRequest() }),
    );
    expect(error).toMatchObject({
      reason: 'refresh_revoked',
      fault: 'account',
      mayTryAnotherAccount: true,
    });
  });

  it('maps Kiro\'s "Input is too long." to the exact prompt-too-long message', async () => {
    const local = await startHarness({ maxBodyBytes: 5_000 }, { maxBodyBytes: null });
    try {
      const account = kiroAccountOf(local.sim.addAccount({ authMethod: 'social' }));
      const error = await failureOf(
        local.client.generateAssistantResponse({
          account,
          request: messagesRequest({ messages: [{ role: 'user', content: 'x'.repeat(10_000) }] }),
        }),
      );
      expect(error).toMatchObject({
        reason: 'context_too_long',
        kind: 'invalid_request',
        fault: 'client',
      });
      expect((error as Error).message).toMatch(/^prompt is too long: \d+ tokens > 200000 maximum$/);
    } finally {
      await local.close();
    }
  });

  it('refuses an oversized body before sending it', async () => {
    const account = newAccount();
    const before = harness.sim.requests.entries().length;
    const error = await failureOf(
      harness.client.generateAssistantResponse({
        account,
        request: messagesRequest({ messages: [{ role: 'user', content: 'y'.repeat(700_000) }] }),
      }),
    );
    expect(error).toMatchObject({ reason: 'context_too_long' });
    expect(harness.sim.requests.entries().length).toBe(before);
  });

  it('reports a model the account may not use', async () => {
    const account = newAccount({ authMethod: 'social', plan: 'FREE' });
    const error = await failureOf(
      harness.client.generateAssistantResponse({
        account,
        request: messagesRequest({ model: 'claude-opus-4-5' }),
      }),
    );
    expect(error).toMatchObject({ reason: 'model_unavailable', fault: 'account' });
  });
});

describe('errors inside the stream', () => {
  async function streamWith(fault: Fault, script = 'sim: words 60') {
    const account = newAccount();
    harness.sim.injectFault({ fault, accountId: account.id });
    const response = await harness.client.generateAssistantResponse({
      account,
      request: messagesRequest({ messages: [{ role: 'user', content: script }] }),
    });
    let streamError: unknown;
    const events = await readAll(response.events).catch((error: unknown) => {
      streamError = error;
      return [];
    });
    return { events, streamError, metadata: await response.metadata };
  }

  it('ends with an in-band error when the connection is cut mid-stream', async () => {
    // Paced output, so the frames before the cut reach the client before the reset does.
    const { events, metadata } = await streamWith(
      { type: 'cut-stream', afterFrames: 3 },
      'sim: words 20\nsim: tps 200',
    );
    expect(anthropicEventViolations(events)).toEqual([]);
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { type: 'api_error' } });
    expect(metadata.error).toMatchObject({ reason: 'network' });
  });

  it('errors the stream with a typed error when nothing was sent yet', async () => {
    const { streamError, metadata } = await streamWith({ type: 'cut-stream', afterFrames: 0 });
    expect(streamError).toMatchObject({ reason: 'network' });
    expect(metadata.error).toBe(streamError);
  });

  describe('with short budgets', () => {
    let short: SimulatorHarness;
    beforeAll(async () => {
      short = await startHarness({}, { timeouts: { idleMs: 300, firstByteMs: 1_500 } });
    });
    afterAll(async () => {
      await short.close();
    });

    async function stalled(afterFrames: number) {
      const account = kiroAccountOf(short.sim.addAccount({ authMethod: 'social' }));
      short.sim.injectFault({
        fault: { type: 'stall', afterFrames, durationMs: 5_000 },
        accountId: account.id,
      });
      const response = await short.client.generateAssistantResponse({
        account,
        request: messagesRequest({ messages: [{ role: 'user', content: 'sim: words 60' }] }),
      });
      const events = await readAll(response.events).catch((error: unknown) => [{ thrown: error }]);
      return { events, metadata: await response.metadata };
    }

    it('times out a stalled stream', async () => {
      const { events, metadata } = await stalled(2);
      expect(events.at(-1)).toMatchObject({ type: 'error', error: { type: 'timeout_error' } });
      expect(metadata.error).toMatchObject({ reason: 'idle_timeout' });
    });

    it('times out a first frame that does not come', async () => {
      const { events } = await stalled(0);
      expect(events).toEqual([
        { thrown: expect.objectContaining({ reason: 'first_byte_timeout', kind: 'timeout' }) },
      ]);
    });
  });

  it('reports a corrupt frame', async () => {
    const { events, metadata } = await streamWith({ type: 'corrupt-crc', afterFrames: 2 });
    expect(events.at(-1)).toMatchObject({ type: 'error' });
    expect(metadata.error).toMatchObject({ reason: 'corrupt_stream' });
  });

  it('maps exception frames mid-stream and before any output', async () => {
    const mid = await streamWith({
      type: 'exception',
      exceptionType: 'ThrottlingException',
      afterFrames: 2,
    });
    expect(anthropicEventViolations(mid.events)).toEqual([]);
    expect(mid.events.at(-1)).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
    const first = await streamWith({
      type: 'exception',
      exceptionType: 'InternalServerException',
      afterFrames: 0,
    });
    expect(first.streamError).toMatchObject({ reason: 'upstream_5xx' });
  });

  it('reports max_tokens when Kiro stops for output length', async () => {
    const { events, metadata } = await streamWith({
      type: 'exception',
      exceptionType: 'ContentLengthExceededException',
      afterFrames: 2,
    });
    expect(anthropicEventViolations(events)).toEqual([]);
    expect(metadata.stopReason).toBe('max_tokens');
  });
});
