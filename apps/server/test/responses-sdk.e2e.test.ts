import OpenAI, { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { startE2E, type E2E } from './helpers/e2e-server';

let e2e: E2E;
let client: OpenAI;

beforeAll(async () => {
  e2e = await startE2E({ accounts: 2 });
  client = new OpenAI({ baseURL: `${e2e.url}/v1`, apiKey: e2e.apiKey, maxRetries: 0 });
});
afterAll(async () => {
  await e2e.close();
});

const model = 'claude-sonnet-4-6';

const weather: OpenAI.Responses.FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  strict: false,
};

const applyPatch: OpenAI.Responses.CustomTool = {
  type: 'custom',
  name: 'apply_patch',
  description: 'Edit files with a patch.',
  format: {
    type: 'grammar',
    syntax: 'lark',
    definition: 'start: begin_patch hunk+ end_patch\nbegin_patch: "*** Begin Patch" LF',
  },
};

const patch = '*** Begin Patch\n*** Add File: hello.txt\n+Hello, world!\n*** End Patch\n';

describe('OpenAI SDK (Responses API) against the gateway and the simulator', () => {
  it('answers a response, not streamed', async () => {
    const response = await client.responses.create({
      model,
      instructions: 'Be brief.',
      input: 'sim: text Hello from Responses.',
    });
    expect(response.object).toBe('response');
    expect(response.id).toMatch(/^resp_/);
    expect(response.status).toBe('completed');
    expect(response.model).toBe(model);
    expect(response.output_text).toBe('Hello from Responses.');
    expect(response.instructions).toBe('Be brief.');
    expect(response.usage?.input_tokens).toBeGreaterThan(0);
    expect(response.usage?.output_tokens).toBeGreaterThan(0);
  });

  it('streams: every event in sequence, the final response accumulated by the SDK', async () => {
    const types: string[] = [];
    const numbers: number[] = [];
    const stream = client.responses.stream({ model, input: 'sim: words 30' });
    stream.on('event', (event) => {
      types.push(event.type);
      numbers.push(event.sequence_number);
    });
    const response = await stream.finalResponse();
    expect(response.output_text.split(' ').length).toBeGreaterThan(20);
    expect(types.slice(0, 2)).toEqual(['response.created', 'response.in_progress']);
    expect(types.at(-1)).toBe('response.completed');
    expect(numbers).toEqual(numbers.map((_, index) => index));
    expect(response.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('a function tool round trip: the call, then the result back, then the answer', async () => {
    const first = await client.responses
      .stream({
        model,
        tools: [weather],
        input: 'sim: tool get_weather {"city":"Paris"}',
      })
      .finalResponse();
    const call = first.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ name: 'get_weather', status: 'completed' });
    expect(JSON.parse(call!.arguments)).toEqual({ city: 'Paris' });
    expect(call!.call_id).toMatch(/^tooluse_/);

    const second = await client.responses.create({
      model,
      tools: [weather],
      input: [
        { role: 'user', content: 'sim: tool get_weather {"city":"Paris"}' },
        ...(first.output as OpenAI.Responses.ResponseInputItem[]),
        { type: 'function_call_output', call_id: call!.call_id, output: 'Sunny, 24 °C' },
      ],
    });
    expect(second.output_text).toContain('Received 1 tool result(s).');
    expect(second.output_text).toContain('get_weather');
    const sent = e2e.sim.requests.last('generateAssistantResponse')!;
    expect(JSON.stringify(sent.body)).toContain('Sunny, 24 °C');
  });

  it('a custom apply_patch grammar tool round trip: the raw patch out, the result back', async () => {
    const first = await client.responses.create({
      model,
      tools: [applyPatch],
      input: `sim: tool apply_patch ${JSON.stringify({ input: patch })}`,
    });
    const call = first.output.find((item) => item.type === 'custom_tool_call');
    expect(call).toMatchObject({ type: 'custom_tool_call', name: 'apply_patch', input: patch });

    const streamed = await client.responses
      .stream({
        model,
        tools: [applyPatch],
        input: `sim: tool apply_patch ${JSON.stringify({ input: patch })}`,
      })
      .finalResponse();
    expect(streamed.output.find((item) => item.type === 'custom_tool_call')).toMatchObject({
      input: patch,
    });

    const second = await client.responses
      .stream({
        model,
        tools: [applyPatch],
        input: [
          { role: 'user', content: 'Add hello.txt' },
          { type: 'custom_tool_call', call_id: call!.call_id, name: 'apply_patch', input: patch },
          { type: 'custom_tool_call_output', call_id: call!.call_id, output: 'Done!' },
        ],
      })
      .finalResponse();
    expect(second.output_text).toContain('apply_patch');
  });

  it('keeps a prompt_cache_key conversation on one account', async () => {
    for (const key of ['thread-a', 'thread-b', 'thread-c']) {
      const accounts = new Set<string | undefined>();
      for (let turn = 0; turn < 3; turn += 1) {
        await client.responses.create({
          model,
          prompt_cache_key: key,
          input: `sim: text turn ${turn} of ${key}`,
        });
        accounts.add(e2e.sim.requests.last('generateAssistantResponse')?.accountId);
      }
      expect(accounts.size).toBe(1);
    }
  });

  it('is recorded in the request log under its route', async () => {
    await client.responses.create({ model, input: 'sim: text logged' });
    await vi.waitFor(
      async () => {
        const logs = await e2e.admin('GET', '/api/logs?limit=5');
        expect(JSON.stringify(logs.body)).toContain('/v1/responses');
      },
      { timeout: 5000 },
    );
  });
});

describe('errors in the Responses shape', () => {
  it('previous_response_id, bad bodies and bad keys: OpenAI error bodies the SDK raises', async () => {
    const stateful = await client.responses
      .create({ model, input: 'x', previous_response_id: 'resp_1' })
      .catch((error: unknown) => error);
    expect(stateful).toBeInstanceOf(APIError);
    expect(stateful).toMatchObject({
      status: 400,
      param: 'previous_response_id',
      type: 'invalid_request_error',
    });

    const raw = await fetch(`${e2e.url}/v1/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${e2e.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, input: 42 }),
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: expect.stringContaining('input') as string },
    });

    const stranger = new OpenAI({ baseURL: `${e2e.url}/v1`, apiKey: 'sk-wrong', maxRetries: 0 });
    const denied = await stranger.responses
      .create({ model, input: 'x' })
      .catch((error: unknown) => error);
    expect(denied).toMatchObject({ status: 401 });
  });

  it('counts against the daily limit of the key: a 429 the SDK raises once it is used', async () => {
    const created = await e2e.admin('POST', '/api/api-keys', { name: 'daily', dailyLimit: 1 });
    const key = (created.body as { apiKey: { key: string } }).apiKey.key;
    const limited = new OpenAI({ baseURL: `${e2e.url}/v1`, apiKey: key, maxRetries: 0 });
    await limited.responses.create({ model, input: 'sim: text once' });
    const error = await limited.responses
      .create({ model, input: 'sim: text twice' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
  });

  it('an upstream failure after the first event ends the stream with response.failed', async () => {
    const handle = e2e.sim.injectFault({
      fault: { type: 'exception', exceptionType: 'InternalServerException', afterFrames: 3 },
      times: 'always',
    });
    const response = await client.responses
      .stream({ model, input: 'sim: chunks ["one ","two ","three ","four ","five"]' })
      .finalResponse()
      .finally(() => handle.remove());
    expect(response.status).toBe('failed');
    expect(response.error?.code).toBe('server_error');
    expect(response.output_text).toContain('one');
    expect(response.output_text).not.toContain('five');
  });

  it('a failure before any event is an HTTP error in the OpenAI shape, streamed or not', async () => {
    const handles = e2e.accounts.map((account) =>
      e2e.sim.injectFault({
        fault: { type: 'throttled', retryAfterSeconds: 30 },
        accountId: account.id,
        times: 'always',
      }),
    );
    try {
      for (const stream of [false, true]) {
        const error = await client.responses
          .create({ model, input: 'sim: text never', stream })
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(APIError);
        expect([429, 503]).toContain((error as APIError).status);
      }
    } finally {
      for (const handle of handles) handle.remove();
      // Both accounts now cool down for 30 s: clear that, so the tests after this one (in any
      // order) find them ready.
      const listed = await e2e.admin('GET', '/api/providers');
      for (const { id } of (listed.body as { providers: { id: string }[] }).providers) {
        expect((await e2e.admin('POST', `/api/providers/${id}/reset`)).status).toBe(200);
      }
    }
  });
});

describe('a slow upstream', () => {
  let slow: E2E;
  beforeAll(async () => {
    slow = await startE2E({
      config: { keepaliveIntervalSeconds: 0.2, firstTokenTimeoutSeconds: 1 },
    });
  });
  afterAll(async () => {
    await slow.close();
  });

  it('gets keepalives while waiting, then a response.failed that starts the stream properly', async () => {
    const raw = await fetch(`${slow.url}/v1/responses`, {
      method: 'POST',
      headers: { authorization: `Bearer ${slow.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, stream: true, input: 'sim: delay 3000\nsim: text late' }),
    });
    expect(raw.status).toBe(200);
    const text = await raw.text();
    expect(text.startsWith(': keepalive')).toBe(true);
    const types = [...text.matchAll(/^event: (\S+)$/gm)].map((match) => match[1]);
    expect(types).toEqual(['response.created', 'response.in_progress', 'response.failed']);
    const failed = JSON.parse(
      text
        .trim()
        .split('\n')
        .at(-1)!
        .replace(/^data: /, ''),
    ) as {
      sequence_number: number;
      response: { status: string; error: { code: string; message: string } };
    };
    expect(failed.sequence_number).toBe(2);
    expect(failed.response.status).toBe('failed');
    expect(failed.response.error.code).toBe('server_error');
    expect(text).not.toContain('late');
  });
});
