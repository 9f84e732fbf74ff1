import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';

let e2e: E2E;
let anthropic: Anthropic;
let openai: OpenAI;
const model = 'claude-sonnet-4-6';

beforeAll(async () => {
  e2e = await startE2E();
  anthropic = new Anthropic({ baseURL: e2e.url, apiKey: e2e.apiKey, maxRetries: 0 });
  openai = new OpenAI({ baseURL: `${e2e.url}/v1`, apiKey: e2e.apiKey, maxRetries: 0 });
});
afterAll(async () => {
  await e2e.close();
});

/** A paced answer: the stop comes early, hundreds of frames would follow it. */
function pacedChunks(head: readonly string[]): string {
  const tail = Array.from({ length: 300 }, (_, index) => `filler${String(index)} `);
  return `sim: tps 20\nsim: chunks ${JSON.stringify([...head, ...tail])}`;
}

/** The upstream connection of the last call was closed by the gateway, frames still unsent. */
async function expectUpstreamClosed(): Promise<void> {
  const upstream = e2e.sim.requests.last('generateAssistantResponse')!;
  await e2e.sim.requests.waitForClientClose(upstream.id, { timeoutMs: 20_000 });
  expect(upstream.outcome).toBe('client-closed');
}

const weatherFunction = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

describe('legacy functions', () => {
  it('answers function_call with finish_reason function_call, not streamed', async () => {
    const { data, response } = await openai.chat.completions
      .create({
        model,
        functions: [weatherFunction],
        messages: [{ role: 'user', content: 'sim: tool get_weather {"city":"Paris"}' }],
      })
      .withResponse();
    const choice = data.choices[0]!;
    expect(choice.finish_reason).toBe('function_call');
    expect(choice.message.function_call?.name).toBe('get_weather');
    expect(JSON.parse(choice.message.function_call!.arguments)).toEqual({ city: 'Paris' });
    expect(choice.message.tool_calls ?? []).toEqual([]);
    const sent = JSON.stringify(e2e.sim.requests.last('generateAssistantResponse')!.body);
    expect(sent).toContain('"name":"get_weather"');
    expect(response.headers.get('x-octoproxy-adapted')).toMatch(/field_translated=functions/);
  });

  it('streams delta.function_call chunks the SDK assembles', async () => {
    const final = await openai.chat.completions
      .stream({
        model,
        functions: [weatherFunction],
        function_call: 'auto',
        messages: [{ role: 'user', content: 'sim: tool get_weather {"city":"Oslo"}' }],
      })
      .finalChatCompletion();
    const choice = final.choices[0]!;
    expect(choice.finish_reason).toBe('function_call');
    expect(choice.message.function_call?.name).toBe('get_weather');
    expect(JSON.parse(choice.message.function_call!.arguments)).toEqual({ city: 'Oslo' });
  });
});

describe('stop sequences', () => {
  it('cuts a Messages answer at the first match across frames and multi-byte characters', async () => {
    const { data: message, response } = await anthropic.messages
      .create({
        model,
        max_tokens: 1024,
        stop_sequences: ['NEVER', 'é ST', ' '],
        messages: [{ role: 'user', content: 'sim: chunks ["Hello caf", "é S", "TOP after"]' }],
      })
      .withResponse();
    expect(response.headers.get('x-octoproxy-adapted')).toBe(
      'field_dropped=stop_sequences: empty or whitespace-only entries are not supported%3B ignored',
    );
    expect(message.content).toEqual([{ type: 'text', text: 'Hello caf' }]);
    expect(message.stop_reason).toBe('stop_sequence');
    expect(message.stop_sequence).toBe('é ST');

    // Not streamed to the client, still cut as it streams from the upstream.
    const paced = await anthropic.messages.create({
      model,
      max_tokens: 1024,
      stop_sequences: ['##'],
      messages: [{ role: 'user', content: pacedChunks(['First line.#', '# Second']) }],
    });
    expect(paced.content).toEqual([{ type: 'text', text: 'First line.' }]);
    expect(paced.stop_reason).toBe('stop_sequence');
    await expectUpstreamClosed();
  });

  it('stops a Messages stream and closes the upstream', async () => {
    const message = await anthropic.messages
      .stream({
        model,
        max_tokens: 4096,
        stop_sequences: ['🚀!'],
        messages: [{ role: 'user', content: pacedChunks(['Launch \ud83d', '\ude80', '! gone']) }],
      })
      .finalMessage();
    expect(message.content).toEqual([{ type: 'text', text: 'Launch ' }]);
    expect(message.stop_reason).toBe('stop_sequence');
    expect(message.stop_sequence).toBe('🚀!');
    await expectUpstreamClosed();
  });

  it('takes OpenAI stop as a string or an array, stream and not', async () => {
    const whole = await openai.chat.completions.create({
      model,
      stop: 'END',
      messages: [{ role: 'user', content: 'sim: chunks ["one E", "ND two"]' }],
    });
    expect(whole.choices[0]?.message.content).toBe('one ');
    expect(whole.choices[0]?.finish_reason).toBe('stop');

    const streamed = await openai.chat.completions
      .stream({
        model,
        stop: ['xyz', 'halt'],
        messages: [{ role: 'user', content: pacedChunks(['go go ha', 'lt now']) }],
      })
      .finalChatCompletion();
    expect(streamed.choices[0]?.message.content).toBe('go go ');
    expect(streamed.choices[0]?.finish_reason).toBe('stop');
    await expectUpstreamClosed();
  });
});

describe('output limits enforced at the gateway', () => {
  it('ends a Messages stream at max_tokens and closes the upstream', async () => {
    const message = await anthropic.messages
      .stream({
        model,
        max_tokens: 8,
        messages: [{ role: 'user', content: 'sim: tps 20\nsim: words 400' }],
      })
      .finalMessage();
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage.output_tokens).toBe(8);
    const text = message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
    expect(text.length).toBeGreaterThan(0);
    expect(text.split(' ').length).toBeLessThanOrEqual(9);
    await expectUpstreamClosed();
  });

  it('answers finish_reason length for max_completion_tokens and max_tokens', async () => {
    const streamed = await openai.chat.completions
      .stream({
        model,
        max_completion_tokens: 6,
        messages: [{ role: 'user', content: 'sim: tps 20\nsim: words 400' }],
      })
      .finalChatCompletion();
    expect(streamed.choices[0]?.finish_reason).toBe('length');
    await expectUpstreamClosed();
    const whole = await openai.chat.completions.create({
      model,
      max_tokens: 5,
      messages: [{ role: 'user', content: 'sim: words 100' }],
    });
    expect(whole.choices[0]?.finish_reason).toBe('length');
    expect(whole.usage?.completion_tokens).toBe(5);
  });

  it('answers a Responses request incomplete with reason max_output_tokens', async () => {
    const response = await openai.responses.create({
      model,
      max_output_tokens: 16,
      input: 'sim: words 200',
    });
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details?.reason).toBe('max_output_tokens');
    const streamed = await openai.responses
      .stream({ model, max_output_tokens: 16, input: 'sim: tps 20\nsim: words 400' })
      .finalResponse();
    expect(streamed.status).toBe('incomplete');
    expect(streamed.incomplete_details?.reason).toBe('max_output_tokens');
    await expectUpstreamClosed();
  });
});

describe('server tools and the adaptation header', () => {
  const webSearch = { type: 'web_search_20250305', name: 'web_search' } as const;

  it('refuses a server tool by default with a 400 naming it, before any upstream call', async () => {
    const before = e2e.sim.requests.count('generateAssistantResponse');
    const error = await anthropic.messages
      .create({
        model,
        max_tokens: 256,
        tools: [webSearch],
        messages: [{ role: 'user', content: 'sim: text hi' }],
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    const body = (error as InstanceType<typeof Anthropic.BadRequestError>).error as {
      error: { type: string; message: string };
    };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('web_search_20250305');
    expect(e2e.sim.requests.count('generateAssistantResponse')).toBe(before);
  });

  it('drops server tools when set to, and lists every adaptation in the header, stream and not', async () => {
    const put = await e2e.admin('PUT', '/api/config', { serverTools: 'drop' });
    expect(put.status).toBe(200);
    try {
      const request = {
        model,
        max_tokens: 256,
        tools: [
          webSearch,
          { type: 'bash_20250124', name: 'bash' } as const,
          { name: 'plain', input_schema: { type: 'object' as const } },
        ],
        tool_choice: { type: 'any' as const },
        messages: [{ role: 'user' as const, content: 'sim: text done' }],
      };
      const { data, response } = await anthropic.messages.create(request).withResponse();
      expect(data.content).toEqual([{ type: 'text', text: 'done' }]);
      const header = response.headers.get('x-octoproxy-adapted')!;
      expect(header).toMatch(/(^|; )tool_dropped=tools\.0: the server tool web_search_20250305/);
      expect(header).toMatch(/(^|; )tool_declared=tools\.1: bash_20250124/);
      // The upstream client's own change, known before its call.
      expect(header).toMatch(/(^|; )field_translated=tool_choice any: sent as an instruction/);
      const sent = JSON.stringify(e2e.sim.requests.last('generateAssistantResponse')!.body);
      expect(sent).not.toContain('web_search');
      expect(sent).toContain('"bash"');

      const streamed = await anthropic.messages.create({ ...request, stream: true }).withResponse();
      for await (const event of streamed.data) void event;
      expect(streamed.response.headers.get('x-octoproxy-adapted')).toBe(header);

      const logs = await e2e.admin('GET', '/api/logs?limit=2');
      const entries = (logs.body as { logs: Array<{ stream: boolean; adaptations: unknown }> })
        .logs;
      expect(entries.map((entry) => entry.stream).sort()).toEqual([false, true]);
      for (const entry of entries) {
        expect(entry.adaptations).toEqual([
          expect.objectContaining({ kind: 'tool_dropped' }),
          expect.objectContaining({ kind: 'tool_declared' }),
          expect.objectContaining({ kind: 'field_translated' }),
        ]);
      }
    } finally {
      await e2e.admin('PUT', '/api/config', { serverTools: 'reject' });
    }
  });

  it('lists the adaptations on Chat Completions and Responses streams too', async () => {
    const chat = await openai.chat.completions
      .create({
        model,
        stream: true,
        functions: [weatherFunction],
        seed: 7,
        messages: [{ role: 'user', content: 'sim: text ok' }],
      })
      .withResponse();
    for await (const chunk of chat.data) void chunk;
    const chatHeader = chat.response.headers.get('x-octoproxy-adapted')!;
    expect(chatHeader).toMatch(/(^|; )field_translated=functions/);
    expect(chatHeader).toMatch(/(^|; )field_dropped=seed: /);

    const responses = await openai.responses
      .create({
        model,
        stream: true,
        tools: [{ type: 'web_search' }],
        input: 'sim: text ok',
      })
      .withResponse();
    for await (const event of responses.data) void event;
    expect(responses.response.headers.get('x-octoproxy-adapted')).toMatch(/web_search/);
  });

  it('sends no header when nothing was changed', async () => {
    const { response } = await anthropic.messages
      .create({ model, max_tokens: 64, messages: [{ role: 'user', content: 'sim: text plain' }] })
      .withResponse();
    expect(response.headers.get('x-octoproxy-adapted')).toBeNull();
  });
});
