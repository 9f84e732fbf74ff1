import { describe, expect, it } from 'vitest';

import { parseOpenAIChatRequest } from '../openai/parse-openai-chat-request';
import { convertOpenAIRequestToAnthropic } from './convert-openai-request-to-anthropic';

const png =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const jpeg = '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDA==';

function convert(body: Record<string, unknown>, options = {}) {
  return convertOpenAIRequestToAnthropic(
    parseOpenAIChatRequest({ model: 'claude-sonnet-4-6', ...body }),
    options,
  );
}

describe('convertOpenAIRequestToAnthropic', () => {
  it('hoists system and developer messages, mid-conversation ones included, in order', () => {
    const { request } = convert({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in French.' }] },
        { role: 'assistant', content: 'Salut' },
        { role: 'system', content: '   ' },
        { role: 'user', content: 'Again' },
      ],
    });
    expect(request.system).toEqual([
      { type: 'text', text: 'Be brief.' },
      { type: 'text', text: 'Answer in French.' },
    ]);
    expect(request.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Salut' }] },
      { role: 'user', content: [{ type: 'text', text: 'Again' }] },
    ]);
  });

  it('carries message names as speaker labels and system images into the first user message', () => {
    const { request, adaptations } = convert({
      messages: [
        {
          role: 'system',
          name: 'house_rules',
          content: [
            { type: 'text', text: 'Describe charts.' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
          ],
        },
        { role: 'user', name: 'alice', content: 'What does the chart show?' },
        {
          role: 'user',
          name: 'bob',
          content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } }],
        },
        { role: 'assistant', name: 'analyst', content: 'A rising line.' },
      ],
    });
    expect(request.system).toEqual([{ type: 'text', text: 'house_rules: Describe charts.' }]);
    const image = { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } };
    expect(request.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Images attached to the system instructions:' },
          image,
          { type: 'text', text: 'alice: What does the chart show?' },
          { type: 'text', text: 'bob:' },
          image,
        ],
      },
      { role: 'assistant', content: [{ type: 'text', text: 'analyst: A rising line.' }] },
    ]);
    expect(adaptations).toEqual(
      expect.arrayContaining([
        {
          kind: 'content_moved',
          detail:
            'messages.0.content.1: Image in a system message moved into the first user message, with a note.',
        },
        {
          kind: 'content_replaced',
          detail:
            'messages.1.name: The participant name is sent as a speaker label before the message text.',
        },
      ]),
    );
  });

  it('puts system images in a user message of their own when there is none', () => {
    const { request } = convert({
      messages: [
        {
          role: 'developer',
          content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } }],
        },
        { role: 'assistant', content: 'Ready.' },
      ],
    });
    expect(request.messages[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'Images attached to the system instructions:' },
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
      ],
    });
  });

  it('drops empty text next to tool calls and pairs consecutive tool messages in one user turn, results first', () => {
    const { request } = convert({
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: '',
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Paris"}' },
            },
            {
              id: 'call_2',
              type: 'function',
              function: { name: 'weather', arguments: '{"city":"Rome"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_2', content: 'Sunny' },
        { role: 'user', content: 'Also, thanks!' },
        { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: 'Rainy' }] },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris and Rome?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'call_1', name: 'weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'call_2', name: 'weather', input: { city: 'Rome' } },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'call_2', content: 'Sunny' },
          {
            type: 'tool_result',
            tool_use_id: 'call_1',
            content: [{ type: 'text', text: 'Rainy' }],
          },
          { type: 'text', text: 'Also, thanks!' },
        ],
      },
    ]);
  });

  it('maps tool ids Anthropic rejects injectively, the same way on both sides', () => {
    const { request } = convert({
      messages: [
        { role: 'user', content: 'go' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'functions.Bash:0',
              type: 'function',
              function: { name: 'Bash', arguments: '{}' },
            },
            {
              id: 'functions_Bash_0',
              type: 'function',
              function: { name: 'Bash', arguments: '{}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'functions.Bash:0', content: 'a' },
        { role: 'tool', tool_call_id: 'functions_Bash_0', content: 'b' },
      ],
    });
    const [, assistant, results] = request.messages;
    const useIds = (assistant?.content as { id: string }[]).map((block) => block.id);
    const resultIds = (results?.content as { tool_use_id: string }[]).map(
      (block) => block.tool_use_id,
    );
    expect(useIds[1]).toBe('functions_Bash_0');
    expect(useIds[0]).toMatch(/^[a-zA-Z0-9_-]+$/);
    expect(useIds[0]).not.toBe(useIds[1]);
    expect(resultIds).toEqual(useIds);
  });

  it('repairs orphans: a result without a call becomes text, a call without a result gets an error result', () => {
    const { request, warnings } = convert({
      messages: [
        { role: 'tool', tool_call_id: 'call_gone', content: 'stale output' },
        { role: 'user', content: 'continue' },
        {
          role: 'assistant',
          content: 'Running',
          tool_calls: [
            { id: 'call_9', type: 'function', function: { name: 'run', arguments: '' } },
          ],
        },
        { role: 'user', content: 'never mind' },
      ],
    });
    expect(request.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Result of tool call call_gone:\nstale output' },
          { type: 'text', text: 'continue' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Running' },
          { type: 'tool_use', id: 'call_9', name: 'run', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'call_9',
            content: 'No result was provided for this tool call.',
            is_error: true,
          },
          { type: 'text', text: 'never mind' },
        ],
      },
    ]);
    expect(warnings.map((warning) => warning.param)).toEqual(['messages', 'messages']);
  });

  it('merges consecutive same-role messages', () => {
    const { request } = convert({
      messages: [
        { role: 'user', content: 'one' },
        { role: 'user', content: 'two' },
        { role: 'assistant', content: 'a' },
        { role: 'assistant', content: ' ' },
        { role: 'assistant', content: 'b' },
      ],
    });
    expect(request.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'one' },
          { type: 'text', text: 'two' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'a' },
          { type: 'text', text: 'b' },
        ],
      },
    ]);
  });

  it('converts images: image/jpg, wrong declared types sniffed, http URLs, SVG rejected', () => {
    const { request, warnings } = convert({
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'image_url',
              image_url: { url: `data:image/jpg;base64,${jpeg}`, detail: 'high' },
            },
            { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${png}` } },
            { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
          ],
        },
      ],
    });
    expect(request.messages[0]?.content).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: jpeg } },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({ type: 'adjusted', param: 'messages.0.content.1' }),
    ]);
    const svg = btoa('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(() =>
      convert({
        messages: [
          {
            role: 'user',
            content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${svg}` } }],
          },
        ],
      }),
    ).toThrow(/messages\.0\.content\.0: SVG images are not supported/);
    expect(() =>
      convert({
        messages: [
          {
            role: 'user',
            content: [{ type: 'image_url', image_url: { url: 'data:image/svg+xml,<svg/>' } }],
          },
        ],
      }),
    ).toThrow(/SVG/);
    expect(() =>
      convert({
        messages: [
          {
            role: 'user',
            content: [{ type: 'image_url', image_url: { url: 'data:image/bmp;base64,Qk0=' } }],
          },
        ],
      }),
    ).toThrow(/unsupported image type image\/bmp/);
  });

  it('converts PDF and text files to documents and rejects audio clearly', () => {
    const { request } = convert({
      messages: [
        {
          role: 'user',
          content: [
            {
              type: 'file',
              file: { file_data: 'data:application/pdf;base64,JVBERi0xLjQK', filename: 'a.pdf' },
            },
            { type: 'file', file: { file_data: btoa('hello'), filename: 'notes.txt' } },
          ],
        },
      ],
    });
    expect(request.messages[0]?.content).toEqual([
      {
        type: 'document',
        source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQK' },
        title: 'a.pdf',
      },
      {
        type: 'document',
        source: { type: 'text', media_type: 'text/plain', data: 'hello' },
        title: 'notes.txt',
      },
    ]);
    expect(() =>
      convert({
        messages: [
          {
            role: 'user',
            content: [{ type: 'input_audio', input_audio: { data: 'x', format: 'wav' } }],
          },
        ],
      }),
    ).toThrow(/messages\.0\.content\.0: audio input is not supported/);
  });

  it('drops whitespace-only stop sequences with a warning', () => {
    const { request, warnings } = convert({
      messages: [{ role: 'user', content: 'x' }],
      stop: ['\n', 'END', ' '],
    });
    expect(request.stop_sequences).toEqual(['END']);
    expect(warnings).toEqual([expect.objectContaining({ param: 'stop' })]);
    expect(
      convert({ messages: [{ role: 'user', content: 'x' }], stop: 'DONE' }).request.stop_sequences,
    ).toEqual(['DONE']);
  });

  it('maps tools, tool_choice and parallel_tool_calls', () => {
    const tools = [
      {
        type: 'function',
        function: {
          name: 'a',
          description: 'A',
          parameters: { type: 'object', properties: { x: { type: 'string' } } },
        },
      },
      { type: 'function', function: { name: 'b' } },
    ];
    const messages = [{ role: 'user', content: 'x' }];
    const base = convert({ messages, tools });
    expect(base.request.tools).toEqual([
      {
        name: 'a',
        description: 'A',
        input_schema: { type: 'object', properties: { x: { type: 'string' } } },
      },
      { name: 'b', input_schema: { type: 'object' } },
    ]);
    expect(base.request.tool_choice).toBeUndefined();
    expect(convert({ messages, tools, tool_choice: 'required' }).request.tool_choice).toEqual({
      type: 'any',
    });
    expect(convert({ messages, tools, tool_choice: 'none' }).request.tool_choice).toEqual({
      type: 'none',
    });
    expect(convert({ messages, tools, tool_choice: 'auto' }).request.tool_choice).toEqual({
      type: 'auto',
    });
    expect(
      convert({
        messages,
        tools,
        tool_choice: { type: 'function', function: { name: 'b' } },
        parallel_tool_calls: false,
      }).request.tool_choice,
    ).toEqual({ type: 'tool', name: 'b', disable_parallel_tool_use: true });
    expect(convert({ messages, tools, parallel_tool_calls: false }).request.tool_choice).toEqual({
      type: 'auto',
      disable_parallel_tool_use: true,
    });
    const allowed = convert({
      messages,
      tools,
      tool_choice: {
        type: 'allowed_tools',
        allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'a' } }] },
      },
    }).request;
    expect(allowed.tools?.map((tool) => tool.name)).toEqual(['a']);
    expect(allowed.tool_choice).toEqual({ type: 'any' });
    expect(() =>
      convert({ messages, tools, tool_choice: { type: 'function', function: { name: 'zzz' } } }),
    ).toThrow(/tool_choice: no tool named zzz/);
  });

  it('accepts the Responses-style flat tools Cursor mixes into chat requests', () => {
    const { request, customToolNames } = convert({
      messages: [{ role: 'user', content: 'x' }],
      tools: [
        { type: 'function', name: 'read', description: 'Read', parameters: { type: 'object' } },
        {
          type: 'custom',
          name: 'ApplyPatch',
          format: { type: 'grammar', syntax: 'lark', definition: 'start: /.+/' },
        },
      ],
    });
    expect(request.tools?.[0]).toEqual({
      name: 'read',
      description: 'Read',
      input_schema: { type: 'object' },
    });
    expect(request.tools?.[1]?.input_schema).toMatchObject({
      properties: { input: { description: expect.stringContaining('lark grammar') } },
    });
    expect(customToolNames).toEqual(['ApplyPatch']);
  });

  it('maps legacy functions, function_call and function messages', () => {
    const { request } = convert({
      messages: [
        { role: 'user', content: 'x' },
        {
          role: 'assistant',
          content: null,
          function_call: { name: 'lookup', arguments: '{"q":1}' },
        },
        { role: 'function', name: 'lookup', content: '42' },
      ],
      functions: [{ name: 'lookup', parameters: { type: 'object' } }],
      function_call: { name: 'lookup' },
    });
    expect(request.tools).toEqual([{ name: 'lookup', input_schema: { type: 'object' } }]);
    expect(request.tool_choice).toEqual({
      type: 'tool',
      name: 'lookup',
      disable_parallel_tool_use: true,
    });
    expect(request.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'call_legacy_1', name: 'lookup', input: { q: 1 } }],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'call_legacy_1', content: '42' }],
      },
    ]);
  });

  it('models custom grammar tools as one string parameter and replays custom calls', () => {
    const { request, customToolNames } = convert({
      messages: [
        { role: 'user', content: 'patch' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'call_p',
              type: 'custom',
              custom: { name: 'ApplyPatch', input: '*** Begin Patch' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_p', content: 'ok' },
      ],
      tools: [
        {
          type: 'custom',
          custom: {
            name: 'ApplyPatch',
            description: 'Edit files',
            format: { type: 'grammar', grammar: { syntax: 'lark', definition: 'start: "x"' } },
          },
        },
      ],
      tool_choice: { type: 'custom', custom: { name: 'ApplyPatch' } },
    });
    expect(customToolNames).toEqual(['ApplyPatch']);
    expect(request.tools?.[0]).toEqual({
      name: 'ApplyPatch',
      description: 'Edit files',
      input_schema: {
        type: 'object',
        properties: {
          input: {
            type: 'string',
            description: 'Raw input, written in this lark grammar:\nstart: "x"',
          },
        },
        required: ['input'],
        additionalProperties: false,
      },
    });
    expect(request.tool_choice).toEqual({ type: 'tool', name: 'ApplyPatch' });
    expect(request.messages[1]?.content).toEqual([
      { type: 'tool_use', id: 'call_p', name: 'ApplyPatch', input: { input: '*** Begin Patch' } },
    ]);
  });

  it('maps reasoning_effort to a thinking budget below max tokens', () => {
    const messages = [{ role: 'user', content: 'x' }];
    expect(convert({ messages, reasoning_effort: 'medium' }).request).toMatchObject({
      thinking: { type: 'enabled', budget_tokens: 8192 },
      max_tokens: 8192 + 8192,
    });
    expect(
      convert({ messages, reasoning_effort: 'high', max_completion_tokens: 10000 }).request,
    ).toMatchObject({
      thinking: { type: 'enabled', budget_tokens: 9999 },
      max_tokens: 10000,
    });
    const tooSmall = convert({ messages, reasoning_effort: 'low', max_tokens: 500 });
    expect(tooSmall.request.thinking).toBeUndefined();
    expect(tooSmall.warnings).toEqual([expect.objectContaining({ param: 'reasoning_effort' })]);
    expect(convert({ messages, reasoning_effort: 'none' }).request.thinking).toBeUndefined();
    const forced = convert({
      messages,
      reasoning_effort: 'high',
      tools: [{ type: 'function', function: { name: 'a' } }],
      tool_choice: 'required',
    });
    expect(forced.request.thinking).toBeUndefined();
    const withTemperature = convert({ messages, reasoning_effort: 'low', temperature: 0.2 });
    expect(withTemperature.request.temperature).toBeUndefined();
    expect(withTemperature.warnings).toEqual([expect.objectContaining({ param: 'temperature' })]);
  });

  it('replays reasoning_content and thinking_blocks as thinking blocks before the answer', () => {
    const { request } = convert({
      messages: [
        { role: 'user', content: 'x' },
        { role: 'assistant', content: 'four', reasoning_content: '2+2' },
        { role: 'user', content: 'y' },
        {
          role: 'assistant',
          content: 'five',
          thinking_blocks: [{ type: 'thinking', thinking: '2+3', signature: 'sig' }],
        },
      ],
    });
    expect(request.messages[1]?.content).toEqual([
      { type: 'thinking', thinking: '2+2' },
      { type: 'text', text: 'four' },
    ]);
    expect(request.messages[3]?.content).toEqual([
      { type: 'thinking', thinking: '2+3', signature: 'sig' },
      { type: 'text', text: 'five' },
    ]);
  });

  it('turns response_format into a system instruction', () => {
    const messages = [{ role: 'user', content: 'x' }];
    const object = convert({ messages, response_format: { type: 'json_object' } }).request;
    expect(object.system).toEqual([
      { type: 'text', text: expect.stringContaining('single valid JSON object') },
    ]);
    const schema = { type: 'object', properties: { a: { type: 'number' } } };
    const structured = convert({
      messages,
      response_format: { type: 'json_schema', json_schema: { name: 'answer', schema } },
    }).request;
    expect(structured.system?.[0]).toEqual({
      type: 'text',
      text: expect.stringContaining(JSON.stringify(schema)),
    });
    expect(convert({ messages, response_format: { type: 'text' } }).request.system).toBeUndefined();
  });

  it('carries sampling, limits, user and stream; warns about what it drops', () => {
    const { request, warnings, includeUsage } = convert({
      messages: [{ role: 'user', content: 'x', name: 'alice' }],
      max_tokens: 100,
      temperature: 1.5,
      top_p: 0.9,
      user: 'user-1',
      stream: true,
      stream_options: { include_usage: true },
      logit_bias: { '42': 1 },
      seed: 7,
      store: false,
      brand_new_field: { x: 1 },
    });
    expect(request).toMatchObject({
      max_tokens: 100,
      temperature: 1,
      top_p: 0.9,
      metadata: { user_id: 'user-1' },
      stream: true,
    });
    expect(includeUsage).toBe(true);
    expect(warnings.map((warning) => warning.param).sort()).toEqual([
      'logit_bias',
      'messages.0.name',
      'seed',
      'temperature',
    ]);
  });

  it('sends a system-only request as the user message', () => {
    const { request } = convert({ messages: [{ role: 'system', content: 'Say hi' }] });
    expect(request.system).toBeUndefined();
    expect(request.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Say hi' }] },
    ]);
  });

  it('uses the default max tokens when none is given', () => {
    expect(convert({ messages: [{ role: 'user', content: 'x' }] }).request.max_tokens).toBe(8192);
    expect(
      convert({ messages: [{ role: 'user', content: 'x' }] }, { defaultMaxTokens: 1000 }).request
        .max_tokens,
    ).toBe(1000);
  });
});
