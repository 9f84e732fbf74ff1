import { codexCaptures } from '@octoproxy/fixtures';
import { describe, expect, it } from 'vitest';

import { OctoProxyError } from '../errors/octoproxy-error';
import { parseResponsesRequest } from '../responses/parse-responses-request';
import { convertResponsesRequestToAnthropic } from './convert-responses-request-to-anthropic';
import { encodeReasoningContent } from './reasoning-carrier';

const png =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function convert(body: Record<string, unknown>, options = {}) {
  return convertResponsesRequestToAnthropic(
    parseResponsesRequest({ model: 'claude-sonnet-4-6', ...body }),
    options,
  );
}

function rejection(body: Record<string, unknown>): OctoProxyError {
  try {
    convert(body);
  } catch (error) {
    if (OctoProxyError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('convertResponsesRequestToAnthropic', () => {
  it('moves images of developer messages into the first user message, with a note', () => {
    const { request, adaptations } = convert({
      input: [
        {
          type: 'message',
          role: 'developer',
          content: [
            { type: 'input_text', text: 'Match this style.' },
            { type: 'input_image', image_url: `data:image/png;base64,${png}` },
          ],
        },
        { type: 'message', role: 'user', content: 'Draw a cat.' },
      ],
    });
    expect(request.system).toEqual([{ type: 'text', text: 'Match this style.' }]);
    expect(request.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Images attached to the system instructions:' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
          { type: 'text', text: 'Draw a cat.' },
        ],
      },
    ]);
    expect(adaptations.map((item) => item.kind)).toEqual(['content_moved']);
  });

  it('a string input is one user message; instructions and developer messages become system', () => {
    expect(convert({ input: 'Hi', instructions: 'Be brief.' }).request).toMatchObject({
      system: [{ type: 'text', text: 'Be brief.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }],
      max_tokens: 8192,
    });
    const { request } = convert({
      instructions: 'First.',
      input: [
        { type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'Second.' }] },
        { role: 'user', content: 'Question' },
        { role: 'system', content: 'Third.' },
        { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Answer' }] },
        { role: 'user', content: [{ type: 'input_text', text: 'Again' }] },
      ],
    });
    expect(request.system).toEqual([
      { type: 'text', text: 'First.' },
      { type: 'text', text: 'Second.' },
      { type: 'text', text: 'Third.' },
    ]);
    expect(request.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Question' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Answer' }] },
      { role: 'user', content: [{ type: 'text', text: 'Again' }] },
    ]);
  });

  it('function calls and outputs become paired tool_use and tool_result, with a reasoning item before', () => {
    const { request, warnings } = convert({
      input: [
        { role: 'user', content: 'Weather in Paris and Tokyo?' },
        {
          type: 'reasoning',
          id: 'rs_1',
          summary: [{ type: 'summary_text', text: 'Two lookups.' }],
          encrypted_content: null,
        },
        {
          type: 'function_call',
          call_id: 'call_a',
          name: 'get_weather',
          arguments: '{"city":"Paris"}',
        },
        { type: 'function_call', call_id: 'call.b:1', name: 'get_weather', arguments: 'not json' },
        { type: 'function_call_output', call_id: 'call_a', output: 'sunny' },
        {
          type: 'function_call_output',
          call_id: 'call.b:1',
          output: [
            { type: 'input_text', text: 'rain' },
            { type: 'input_image', image_url: `data:image/jpg;base64,${png}` },
          ],
        },
      ],
    });
    const [, assistant, results] = request.messages;
    expect(assistant).toMatchObject({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'Two lookups.' },
        { type: 'tool_use', id: 'call_a', name: 'get_weather', input: { city: 'Paris' } },
        { type: 'tool_use', name: 'get_weather', input: {} },
      ],
    });
    const mappedId = (assistant?.content as { id?: string }[])[2]?.id;
    expect(mappedId).toMatch(/^[a-zA-Z0-9_-]+$/);
    expect(results).toEqual({
      role: 'user',
      content: [
        { type: 'tool_result', tool_use_id: 'call_a', content: 'sunny' },
        {
          type: 'tool_result',
          tool_use_id: mappedId,
          content: [
            { type: 'text', text: 'rain' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
          ],
        },
      ],
    });
    expect(warnings).toContainEqual(expect.objectContaining({ param: 'input.3.arguments' }));
  });

  it('custom tools: a function with one string property, grammar in its description; calls wrap the raw input', () => {
    const patch = '*** Begin Patch\n*** Add File: a.txt\n+hi\n*** End Patch';
    const { request, toolMap } = convert({
      tools: [
        {
          type: 'custom',
          name: 'apply_patch',
          description: 'Edit files.',
          format: { type: 'grammar', syntax: 'lark', definition: 'start: "*** Begin Patch"' },
        },
      ],
      input: [
        { role: 'user', content: 'Add a file' },
        { type: 'custom_tool_call', call_id: 'call_p', name: 'apply_patch', input: patch },
        { type: 'custom_tool_call_output', call_id: 'call_p', output: 'Done.' },
      ],
    });
    expect(request.tools).toEqual([
      {
        name: 'apply_patch',
        description: 'Edit files.',
        input_schema: {
          type: 'object',
          properties: {
            input: {
              type: 'string',
              description: 'Raw input, written in this lark grammar:\nstart: "*** Begin Patch"',
            },
          },
          required: ['input'],
          additionalProperties: false,
        },
      },
    ]);
    expect(toolMap).toEqual({ apply_patch: { kind: 'custom', name: 'apply_patch' } });
    expect(request.messages[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'tool_use', id: 'call_p', name: 'apply_patch', input: { input: patch } }],
    });
  });

  it('local_shell, namespaces and hosted tools: kept, flattened, dropped with a warning', () => {
    const { request, toolMap, warnings } = convert({
      tools: [
        { type: 'local_shell' },
        {
          type: 'namespace',
          name: 'crm',
          description: 'Customer records.',
          tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object' } }],
        },
        { type: 'web_search', external_web_access: false },
      ],
      input: [
        { role: 'user', content: 'ls' },
        {
          type: 'local_shell_call',
          call_id: 'call_ls',
          status: 'completed',
          action: { type: 'exec', command: ['ls', '-la'], working_directory: '/tmp', env: {} },
        },
        { type: 'local_shell_call_output', id: 'call_ls', output: 'a.txt' },
        {
          type: 'function_call',
          call_id: 'call_c',
          name: 'lookup',
          namespace: 'crm',
          arguments: '{}',
        },
        { type: 'function_call_output', call_id: 'call_c', output: 'none' },
        {
          type: 'web_search_call',
          id: 'ws_1',
          status: 'completed',
          action: { type: 'search', query: 'x' },
        },
        { type: 'compaction', encrypted_content: 'opaque' },
      ],
    });
    expect(request.tools?.map((tool) => tool.name)).toEqual(['local_shell', 'crm__lookup']);
    expect(request.tools?.[1]?.description).toBe('(crm: Customer records.)');
    expect(toolMap).toEqual({
      local_shell: { kind: 'local_shell', name: 'local_shell' },
      crm__lookup: { kind: 'function', name: 'lookup', namespace: 'crm' },
    });
    expect(request.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: [
          {
            type: 'tool_use',
            id: 'call_ls',
            name: 'local_shell',
            input: { command: ['ls', '-la'], working_directory: '/tmp', env: {} },
          },
        ],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'call_ls', content: 'a.txt' }],
      },
      {
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'call_c', name: 'crm__lookup', input: {} }],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'call_c', content: 'none' }],
      },
    ]);
    expect(warnings.map((warning) => warning.param)).toEqual(
      expect.arrayContaining(['tools.2', 'input.5', 'input.6']),
    );
  });

  it('reasoning items we minted come back as the exact thinking block; foreign ones fall back to the summary', () => {
    const carried = encodeReasoningContent({
      type: 'thinking',
      thinking: 'Exact — thought 🎉',
      signature: 'sig_1',
    });
    const { request, warnings } = convert({
      input: [
        { role: 'user', content: 'Q1' },
        { type: 'reasoning', summary: [], encrypted_content: carried },
        { role: 'assistant', content: 'A1' },
        { role: 'user', content: 'Q2' },
        {
          type: 'reasoning',
          summary: [{ type: 'summary_text', text: 'Summary.' }],
          encrypted_content: 'gAAAAB-foreign',
        },
        { role: 'assistant', content: 'A2' },
        { role: 'user', content: 'Q3' },
      ],
    });
    expect(request.messages[1]?.content).toEqual([
      { type: 'thinking', thinking: 'Exact — thought 🎉', signature: 'sig_1' },
      { type: 'text', text: 'A1' },
    ]);
    expect(request.messages[3]?.content).toEqual([
      { type: 'thinking', thinking: 'Summary.' },
      { type: 'text', text: 'A2' },
    ]);
    expect(warnings).toContainEqual(
      expect.objectContaining({ param: 'input.4.encrypted_content' }),
    );
  });

  it('reasoning effort, output limit, sampling, text.format, tool_choice, user and parallel calls', () => {
    const { request, responseOptions, warnings } = convert({
      input: 'Hi',
      reasoning: { effort: 'low', summary: 'auto' },
      max_output_tokens: 4000,
      temperature: 0.5,
      text: { format: { type: 'json_schema', name: 'answer', schema: { type: 'object' } } },
      tools: [{ type: 'function', name: 'f', parameters: { type: 'object' } }],
      tool_choice: 'auto',
      parallel_tool_calls: false,
      user: 'u-1',
      include: ['reasoning.encrypted_content'],
      store: true,
      metadata: { ticket: '7' },
    });
    expect(request).toMatchObject({
      max_tokens: 4000,
      thinking: { type: 'enabled', budget_tokens: 2048 },
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      metadata: { user_id: 'u-1' },
    });
    expect(request.temperature).toBeUndefined();
    expect(request.system?.at(-1)).toMatchObject({
      type: 'text',
      text: expect.stringContaining('Schema name: answer') as string,
    });
    expect(responseOptions).toMatchObject({
      reasoningSummary: true,
      includeEncryptedReasoning: true,
      model: 'claude-sonnet-4-6',
      echo: { metadata: { ticket: '7' }, max_output_tokens: 4000, parallel_tool_calls: false },
    });
    expect(warnings.map((warning) => warning.param)).toEqual(
      expect.arrayContaining(['temperature', 'store']),
    );

    expect(
      convert({
        input: 'Hi',
        tools: [{ type: 'custom', name: 'c' }],
        tool_choice: { type: 'custom', name: 'c' },
      }).request.tool_choice,
    ).toEqual({ type: 'tool', name: 'c' });
    expect(rejection({ input: 'Hi', tool_choice: 'required' }).param).toBe('tool_choice');
    expect(
      rejection({
        input: 'Hi',
        tools: [{ type: 'function', name: 'f' }],
        tool_choice: { type: 'function', name: 'g' },
      }).message,
    ).toContain('no tool named g');
  });

  it('stateful features and bad input are clear 400s naming the field', () => {
    expect(rejection({ input: 'Hi', previous_response_id: 'resp_1' })).toMatchObject({
      kind: 'invalid_request',
      param: 'previous_response_id',
    });
    expect(rejection({ input: [{ type: 'item_reference', id: 'msg_1' }] }).param).toBe('input.0');
    expect(rejection({ input: 'Hi', background: true }).param).toBe('background');
    expect(
      rejection({
        input: [{ role: 'user', content: [{ type: 'input_image', file_id: 'file_1' }] }],
      }).param,
    ).toBe('input.0.content.0');
    expect(rejection({ input: [{ type: 'function_call', name: 'f' }] }).message).toMatch(
      /^input\.0/,
    );
    expect(rejection({ input: [] }).param).toBe('input');
    expect(
      rejection({
        input: [
          {
            role: 'user',
            content: [{ type: 'input_image', image_url: 'data:image/svg+xml;base64,PHN2Zz4=' }],
          },
        ],
      }).code,
    ).toBe('unsupported_image_type');
  });

  it('the Codex CLI capture converts: developer messages to system, every function tool, web_search dropped', () => {
    const capture = codexCaptures[0]!;
    const { request, toolMap, warnings, responseOptions } = convertResponsesRequestToAnthropic(
      parseResponsesRequest(capture.body),
    );
    const body = capture.body as { input: unknown; tools: { type: string; tools?: unknown[] }[] };
    const developerParts = (body.input as { role?: string; content: unknown[] }[])
      .filter((item) => item.role === 'developer')
      .flatMap((item) => item.content);
    expect(request.system).toHaveLength(developerParts.length);
    expect(request.messages).toHaveLength(1);
    expect(request.messages[0]?.role).toBe('user');
    expect((request.messages[0]?.content as { text: string }[]).at(-1)?.text).toBe('what is 2+2');
    const declared = body.tools.flatMap((tool) =>
      tool.type === 'namespace' ? (tool.tools ?? []) : tool.type === 'function' ? [tool] : [],
    );
    expect(request.tools).toHaveLength(declared.length);
    expect(toolMap['multi_agent_v1__spawn_agent']).toEqual({
      kind: 'function',
      name: 'spawn_agent',
      namespace: 'multi_agent_v1',
    });
    expect(request.tools?.every((tool) => /^[a-zA-Z0-9_-]{1,64}$/.test(tool.name))).toBe(true);
    expect(warnings).toContainEqual(
      expect.objectContaining({
        param: `tools.${body.tools.findIndex((tool) => tool.type === 'web_search')}`,
      }),
    );
    expect(request.stream).toBe(true);
    expect(request.thinking).toBeUndefined();
    expect(responseOptions).toMatchObject({
      reasoningSummary: true,
      includeEncryptedReasoning: true,
    });
  });
});
