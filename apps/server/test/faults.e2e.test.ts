import Anthropic from '@anthropic-ai/sdk';
import type { FaultRule } from '@octoproxy/kiro-simulator';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';

let e2e: E2E;
let anthropic: Anthropic;
let openai: OpenAI;

beforeAll(async () => {
  e2e = await startE2E({
    accounts: 2,
    config: { idleTimeoutSeconds: 1, keepaliveIntervalSeconds: 0.2 },
  });
  anthropic = new Anthropic({ baseURL: e2e.url, apiKey: e2e.apiKey, maxRetries: 0 });
  openai = new OpenAI({ baseURL: `${e2e.url}/v1`, apiKey: e2e.apiKey, maxRetries: 0 });
});
afterAll(async () => {
  await e2e.close();
});
beforeEach(async () => {
  // Each case starts from healthy accounts: earlier faults leave cooldowns and quarantines behind.
  for (const account of await providerIds()) {
    await e2e.admin('POST', `/api/providers/${account}/reset`);
  }
});

let counter = 0;

async function providerIds(): Promise<string[]> {
  const list = await e2e.admin('GET', '/api/providers');
  return (list.body as { providers: { id: string }[] }).providers.map((provider) => provider.id);
}

const ask = (text: string) =>
  anthropic.messages.create({
    model: 'claude-sonnet-4-6',
    max_tokens: 128,
    messages: [{ role: 'user', content: text }],
  });

describe('failover before the first byte: every fault class on one of two accounts', () => {
  const preFirstByte: FaultRule['fault'][] = [
    { type: 'expired-token' },
    { type: 'throttled', retryAfterSeconds: 1 },
    { type: 'throttled', suspicious: true },
    { type: 'model-overloaded' },
    { type: 'quota-exhausted' },
    { type: 'server-error', status: 503 },
    { type: 'server-error', highLoad: true },
    { type: 'connection-reset' },
    { type: 'suspended' },
  ];

  it.each(preFirstByte)('serves the request despite %o', async (fault) => {
    const handle = e2e.sim.injectFault({ fault, accountId: e2e.accounts[0]!.id });
    for (let tries = 0; tries < 6 && handle.fired === 0; tries += 1) {
      const message = await ask(`request ${(counter += 1)}\nsim: text fine`);
      expect(message.content).toEqual([{ type: 'text', text: 'fine' }]);
    }
    expect(handle.fired).toBeGreaterThan(0);
    handle.remove();
  });
});

describe('failures after the first byte end the stream with an error event', () => {
  const streamFaults: FaultRule['fault'][] = [
    { type: 'cut-stream', afterFrames: 2 },
    { type: 'corrupt-crc', afterFrames: 2 },
    { type: 'exception', exceptionType: 'InternalServerException', afterFrames: 2 },
    { type: 'stall', afterFrames: 2, durationMs: 3000 },
  ];

  it.each(streamFaults)('Anthropic stream with %o', async (fault) => {
    const handle = e2e.sim.injectFault({ fault, times: 'always' });
    const stream = anthropic.messages.stream({
      model: 'claude-sonnet-4-6',
      max_tokens: 512,
      messages: [
        {
          role: 'user',
          content: `stream ${(counter += 1)}\nsim: chunks ["one ","two ","three ","four ","five"]`,
        },
      ],
    });
    const texts: string[] = [];
    stream.on('text', (text) => texts.push(text));
    const error = await stream.finalMessage().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    if (fault.type === 'stall') expect(String(error)).toContain('timeout_error');
    expect(handle.fired).toBeGreaterThan(0);
    expect(texts.join('')).not.toContain('five');
    expect(new Set(texts).size).toBe(texts.length);
    handle.remove();
  });

  it('OpenAI stream cut mid-answer ends with an error chunk, not a clean finish', async () => {
    const handle = e2e.sim.injectFault({
      fault: { type: 'cut-stream', afterFrames: 2 },
      times: 'always',
    });
    const stream = openai.chat.completions.stream({
      model: 'claude-sonnet-4-6',
      messages: [{ role: 'user', content: 'sim: chunks ["one ","two ","three ","four ","five"]' }],
    });
    await expect(stream.finalChatCompletion()).rejects.toThrow();
    handle.remove();
  });
});

describe('when no account can serve', () => {
  it('answers in the caller’s shape with a retry hint', async () => {
    const handles = e2e.accounts.map((account) =>
      e2e.sim.injectFault({
        fault: { type: 'throttled', retryAfterSeconds: 30 },
        accountId: account.id,
        times: 'always',
      }),
    );
    const error = await ask('sim: text never').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    const status = (error as InstanceType<typeof Anthropic.APIError>).status;
    expect([429, 529]).toContain(status);
    const raw = await fetch(`${e2e.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${e2e.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'claude-sonnet-4-6',
        messages: [{ role: 'user', content: 'x' }],
      }),
    });
    expect([429, 503]).toContain(raw.status);
    expect(raw.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await raw.json()).toMatchObject({ error: { message: expect.any(String) } });
    for (const handle of handles) handle.remove();
  });
});
