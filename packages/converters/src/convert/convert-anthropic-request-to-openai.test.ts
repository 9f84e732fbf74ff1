import { claudeCodeCaptures } from '@octoproxy/fixtures';
import { describe, expect, it } from 'vitest';

import { parseAnthropicMessagesRequest } from '../anthropic/parse-anthropic-request';
import { parseOpenAIChatRequest } from '../openai/parse-openai-chat-request';
import { convertAnthropicRequestToOpenAI } from './convert-anthropic-request-to-openai';
import { convertOpenAIRequestToAnthropic } from './convert-openai-request-to-anthropic';
import { normalizeAnthropicMessages } from './normalize-anthropic-messages';

function convert(body: Record<string, unknown>) {
  return convertAnthropicRequestToOpenAI(
    parseAnthropicMessagesRequest({ model: 'claude-sonnet-4-6', max_tokens: 1000, ...body }),
  );
}

describe('convertAnthropicRequestToOpenAI', () => {
  it('converts system, blocks, tool turns and images', () => {
    const { request } = convert({
      system: [{ type: 'text', text: 'Be brief.', cache_control: { type: 'ephemeral' } }],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is here?' },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBO' } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Look closer.', signature: 'sig' },
            { type: 'text', text: 'Let me zoom.' },
            { type: 'tool_use', id: 'toolu_1', name: 'zoom', input: { level: 2 } },
          ],
        },
        {
          role: 'user',
          content: [
            {
              type: 'tool_result',
              tool_use_id: 'toolu_1',
              content: [
                { type: 'text', text: 'zoomed' },
                {
                  type: 'image',
                  source: { type: 'base64', media_type: 'image/png', data: 'iVBO' },
                },
              ],
            },
            { type: 'text', text: 'And now?' },
          ],
        },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is here?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBO' } },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png' } },
        ],
      },
      {
        role: 'assistant',
        content: 'Let me zoom.',
        reasoning_content: 'Look closer.',
        tool_calls: [
          { id: 'toolu_1', type: 'function', function: { name: 'zoom', arguments: '{"level":2}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: [{ type: 'text', text: 'zoomed' }] },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Attachments from tool call toolu_1:' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBO' } },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'And now?' }] },
    ]);
  });

  it('maps tools, tool_choice, thinking, stop sequences, metadata and streaming', () => {
    const { request, warnings } = convert({
      messages: [{ role: 'user', content: 'x' }],
      tools: [
        { name: 'a', description: 'A', input_schema: { type: 'object', properties: {} } },
        { type: 'web_search_20250305', name: 'web_search' },
      ],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
      thinking: { type: 'enabled', budget_tokens: 8192 },
      stop_sequences: ['END'],
      metadata: { user_id: 'u-1' },
      top_k: 5,
      temperature: 0.5,
      stream: true,
    });
    expect(request).toMatchObject({
      max_completion_tokens: 1000,
      tools: [
        {
          type: 'function',
          function: { name: 'a', description: 'A', parameters: { type: 'object', properties: {} } },
        },
      ],
      tool_choice: 'required',
      parallel_tool_calls: false,
      reasoning_effort: 'medium',
      stop: ['END'],
      user: 'u-1',
      temperature: 0.5,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(warnings.map((warning) => warning.param)).toEqual(['tools.1', 'top_k']);
    expect(
      convert({ messages: [{ role: 'user', content: 'x' }], output_config: { effort: 'max' } })
        .request.reasoning_effort,
    ).toBe('xhigh');
  });

  it.each(claudeCodeCaptures)('validates and converts the Claude Code capture $name', (capture) => {
    const anthropic = parseAnthropicMessagesRequest(capture.body);
    const { request } = convertAnthropicRequestToOpenAI(anthropic);
    const openai = parseOpenAIChatRequest(request);
    expect(openai.messages[0]?.role).toBe('system');
    expect(openai.tools?.length).toBe(anthropic.tools?.length);
    expect(openai.reasoning_effort).toBe('medium');
    expect(openai.user).toBe(anthropic.metadata?.user_id);
    // And back: the hub request keeps every turn, tool call and tool result.
    const back = convertOpenAIRequestToAnthropic(openai).request;
    const expected = normalizeAnthropicMessages(
      anthropic.messages.filter((message) => message.role !== 'system'),
    );
    const shape = (messages: typeof expected) =>
      messages.map((message) => ({
        role: message.role,
        types: (message.content as { type: string }[]).map((block) => block.type),
      }));
    expect(shape(back.messages)).toEqual(shape(expected));
  });
});
