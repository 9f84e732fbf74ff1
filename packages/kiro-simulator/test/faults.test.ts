import { afterAll, beforeEach, describe, expect, it } from 'vitest';

import { startKiroSimulator, type KiroSimulator, type SimulatedAccount } from '../src/index';
import { decodeResponse, textOf } from './helpers/decode-event-stream';
import { chatBody, kiroHeaders, postChat } from './helpers/kiro-request';

const sim: KiroSimulator = await startKiroSimulator({ seed: 42 });
afterAll(() => sim.close());

let account: SimulatedAccount;
beforeEach(() => {
  sim.reset();
  account = sim.addAccount({ authMethod: 'social' });
});

const chat = (content = 'hello', who = account) =>
  postChat({ apiUrl: sim.apiUrl, account: who, body: chatBody(who, content) });

async function errorOf(response: Response) {
  const body = (await response.json()) as { message?: string; reason?: string | null };
  return { status: response.status, body };
}

describe('request faults', () => {
  it('fires once by default, then the account works again', async () => {
    sim.injectFault({ fault: { type: 'expired-token' } });
    expect(await errorOf(await chat())).toEqual({
      status: 403,
      body: { message: 'The bearer token included in the request is invalid.', reason: null },
    });
    expect(sim.requests.last()?.fault).toBe('expired-token');
    expect(textOf(await decodeResponse(await chat()))).toBe('hello');
    sim.injectFault({ fault: { type: 'expired-token', status: 401 } });
    expect((await chat()).status).toBe(401);
  });

  it('answers each HTTP fault with the upstream’s body', async () => {
    const cases = [
      [{ type: 'suspended' }, 403, 'TEMPORARILY_SUSPENDED'],
      [{ type: 'throttled' }, 429, null],
      [{ type: 'model-overloaded' }, 429, 'INSUFFICIENT_MODEL_CAPACITY'],
      [{ type: 'quota-exhausted' }, 402, 'MONTHLY_REQUEST_COUNT'],
      [{ type: 'server-error' }, 500, null],
      [{ type: 'server-error', highLoad: true }, 500, 'MODEL_TEMPORARILY_UNAVAILABLE'],
      [{ type: 'server-error', status: 503 }, 503, null],
    ] as const;
    for (const [fault, status, reason] of cases) {
      sim.injectFault({ fault });
      const { status: got, body } = await errorOf(await chat());
      expect({ fault, got, reason: body.reason }).toEqual({ fault, got: status, reason });
    }
  });

  it('throttles with or without Retry-After, and with the suspicious-activity message', async () => {
    sim.injectFault({ fault: { type: 'throttled', retryAfterSeconds: 7 } });
    const first = await chat();
    expect(first.headers.get('retry-after')).toBe('7');
    await first.arrayBuffer();
    sim.injectFault({ fault: { type: 'throttled', suspicious: true } });
    const second = await chat();
    expect(second.headers.get('retry-after')).toBeNull();
    expect((await errorOf(second)).body.message).toBe(
      `Due to suspicious activity, we are imposing temporary limits on how frequently your account (${account.userId}) can send a request to Kiro while we investigate.`,
    );
  });

  it('sends any status and body', async () => {
    sim.injectFault({
      fault: { type: 'http-error', status: 524, body: { message: 'A timeout occurred' } },
    });
    expect(await errorOf(await chat())).toEqual({
      status: 524,
      body: { message: 'A timeout occurred' },
    });
  });

  it('resets the connection before any header', async () => {
    sim.injectFault({ fault: { type: 'connection-reset' } });
    await expect(chat()).rejects.toThrow();
    expect(sim.requests.last()).toMatchObject({ outcome: 'reset', status: undefined });
  });

  it('strikes only the named account and operation', async () => {
    const other = sim.addAccount({ authMethod: 'social' });
    sim.injectFault({ fault: { type: 'server-error' }, accountId: other.id, times: 'always' });
    sim.injectFault({ fault: { type: 'throttled' }, operation: 'getUsageLimits' });
    expect((await chat()).status).toBe(200);
    expect((await chat('hi', other)).status).toBe(500);
    expect((await chat('hi', other)).status).toBe(500);
    const usage = await fetch(
      `${sim.apiUrlFor('us-east-1')}/getUsageLimits?origin=AI_EDITOR&resourceType=AGENTIC_REQUEST`,
      { headers: kiroHeaders(account.credentials.accessToken) },
    );
    expect(usage.status).toBe(429);
  });

  it('strikes token endpoints with transport faults', async () => {
    sim.injectFault({
      fault: { type: 'server-error', status: 503 },
      operation: 'socialRefreshToken',
    });
    const refresh = () =>
      fetch(`${sim.authUrlFor()}/refreshToken`, {
        method: 'POST',
        body: JSON.stringify({ refreshToken: account.credentials.refreshToken }),
      });
    expect((await refresh()).status).toBe(503);
    expect((await refresh()).status).toBe(200);
    expect(() =>
      sim.injectFault({ fault: { type: 'suspended' }, operation: 'socialRefreshToken' }),
    ).toThrow(/does not apply/);
    expect(() =>
      sim.injectFault({ fault: { type: 'cut-stream' }, operation: 'getUsageLimits' }),
    ).toThrow(/only strikes generateAssistantResponse/);
  });

  it('counts times and skip, and draws probabilities from the seed', async () => {
    const handle = sim.injectFault({ fault: { type: 'server-error' }, times: 2, skip: 1 });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await chat();
      statuses.push(response.status);
      await response.arrayBuffer();
    }
    expect(statuses).toEqual([200, 500, 500, 200]);
    expect(handle).toMatchObject({ fired: 2, active: false });

    const pattern = async (): Promise<number[]> => {
      sim.reset();
      account = sim.addAccount({ authMethod: 'social' });
      sim.injectFault({ fault: { type: 'server-error' }, times: 'always', probability: 0.5 });
      const seen = [];
      for (let i = 0; i < 12; i += 1) {
        const response = await chat();
        seen.push(response.status);
        await response.arrayBuffer();
      }
      return seen;
    };
    const first = await pattern();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
  });
});

describe('delays', () => {
  it('hold a request before it is handled normally, and match token endpoints too', async () => {
    sim.injectFault({ fault: { type: 'delay', durationMs: 300 }, operation: 'socialRefreshToken' });
    sim.injectFault({ fault: { type: 'delay', durationMs: 300 }, accountId: account.id });
    const started = performance.now();
    const refresh = await fetch(`${sim.authUrlFor()}/refreshToken`, {
      method: 'POST',
      body: JSON.stringify({ refreshToken: account.credentials.refreshToken }),
    });
    expect(refresh.status).toBe(200);
    const chatStart = performance.now();
    expect(textOf(await decodeResponse(await chat('late')))).toBe('late');
    expect(chatStart - started).toBeGreaterThanOrEqual(300);
    expect(performance.now() - chatStart).toBeGreaterThanOrEqual(300);
    expect(sim.requests.last()?.fault).toBe('delay');
  });
});

describe('stream faults', () => {
  it('cuts the stream after N frames', async () => {
    sim.injectFault({ fault: { type: 'cut-stream', afterFrames: 3 } });
    const response = await chat('sim: words 100');
    expect(response.status).toBe(200);
    await expect(decodeResponse(response)).rejects.toThrow();
    expect(sim.requests.last()).toMatchObject({
      outcome: 'reset',
      framesSent: 3,
      fault: 'cut-stream',
    });
  });

  it('sends a frame with a corrupt CRC that a decoder must reject', async () => {
    sim.injectFault({ fault: { type: 'corrupt-crc', afterFrames: 2 } });
    await expect(decodeResponse(await chat('sim: words 40'))).rejects.toThrow(/checksum/);
    sim.injectFault({ fault: { type: 'corrupt-crc', afterFrames: 0, target: 'prelude' } });
    await expect(decodeResponse(await chat('sim: words 40'))).rejects.toThrow(/prelude checksum/);
  });

  it('ends with an exception frame mid-stream', async () => {
    sim.injectFault({
      fault: { type: 'exception', exceptionType: 'ContentLengthExceededException', afterFrames: 4 },
    });
    const frames = await decodeResponse(await chat('sim: words 100'));
    expect(frames).toHaveLength(5);
    expect(frames[4]).toMatchObject({
      messageType: 'exception',
      exceptionType: 'ContentLengthExceededException',
    });
    expect(frames.some((f) => f.eventType === 'meteringEvent')).toBe(false);
  });

  it('stalls for the given time, then finishes the stream', async () => {
    sim.injectFault({ fault: { type: 'stall', afterFrames: 1, durationMs: 600 } });
    const started = performance.now();
    const response = await chat('stalled answer');
    const reader = response.body!.getReader();
    await reader.read();
    const during = sim.requests.last();
    expect(during?.framesSent).toBe(1);
    expect(during?.outcome).toBe('pending');
    while (!(await reader.read()).done);
    expect(performance.now() - started).toBeGreaterThanOrEqual(600);
    expect(sim.requests.last()).toMatchObject({ outcome: 'completed', fault: 'stall' });
  });
});
