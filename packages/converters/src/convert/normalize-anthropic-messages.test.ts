import { describe, expect, it } from 'vitest';

import type { AnthropicMessageParam } from '../anthropic/request-schema';
import type { ConversionWarning } from './conversion-warning';
import { normalizeAnthropicMessages } from './normalize-anthropic-messages';

const gif = 'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

describe('normalizeAnthropicMessages', () => {
  it('merges the two assistant turns Claude Code leaves after a disconnect, dropping the blank text', () => {
    const messages: AnthropicMessageParam[] = [
      { role: 'user', content: 'go' },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 't1', signature: 's1' },
          { type: 'text', text: ' ' },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 't2', signature: 's2' },
          { type: 'text', text: 'Running' },
          { type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: 'ls' } },
        ],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'a.txt' }],
      },
    ];
    expect(normalizeAnthropicMessages(messages)).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'go' }] },
      {
        role: 'assistant',
        content: [
          { type: 'thinking', thinking: 't1', signature: 's1' },
          { type: 'thinking', thinking: 't2', signature: 's2' },
          { type: 'text', text: 'Running' },
          { type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: 'ls' } },
        ],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'a.txt' }],
      },
    ]);
  });

  it('cleans tool results: blank text removed, empty content dropped, image types fixed; unknown blocks kept', () => {
    const warnings: ConversionWarning[] = [];
    const messages: AnthropicMessageParam[] = [
      { role: 'user', content: 'read it' },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'a', name: 'Read', input: {} },
          { type: 'tool_use', id: 'b', name: 'Read', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'here' },
          { type: 'server_tool_use', id: 'srv', name: 'web_search' },
          { type: 'tool_result', tool_use_id: 'b', content: '  ' },
          {
            type: 'tool_result',
            tool_use_id: 'a',
            content: [
              { type: 'text', text: '' },
              { type: 'image', source: { type: 'base64', media_type: 'image/png', data: gif } },
            ],
          },
        ],
      },
    ];
    const [, , results] = normalizeAnthropicMessages(messages, warnings);
    expect(results?.content).toEqual([
      { type: 'tool_result', tool_use_id: 'b' },
      {
        type: 'tool_result',
        tool_use_id: 'a',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/gif', data: gif } },
        ],
      },
      { type: 'text', text: 'here' },
      { type: 'server_tool_use', id: 'srv', name: 'web_search' },
    ]);
    expect(warnings).toEqual([
      expect.objectContaining({ type: 'adjusted', param: 'messages.2.content.3.content.1' }),
    ]);
  });

  it('pairs a tool result across a mid-conversation system turn', () => {
    const messages: AnthropicMessageParam[] = [
      { role: 'user', content: 'x' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'c', name: 'Run', input: {} }] },
      { role: 'system', content: 'Reminder.' },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'c', content: 'done' }] },
    ];
    const warnings: ConversionWarning[] = [];
    expect(normalizeAnthropicMessages(messages, warnings)[3]).toEqual({
      role: 'user',
      content: [{ type: 'tool_result', tool_use_id: 'c', content: 'done' }],
    });
    expect(warnings).toEqual([]);
  });

  it('adds error results for a trailing tool call and leaves system turns in place', () => {
    const messages: AnthropicMessageParam[] = [
      { role: 'user', content: 'x' },
      { role: 'system', content: 'Be careful.' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'c', name: 'Run', input: {} }] },
    ];
    expect(normalizeAnthropicMessages(messages)).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'x' }] },
      { role: 'system', content: [{ type: 'text', text: 'Be careful.' }] },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'c', name: 'Run', input: {} }] },
      {
        role: 'user',
        content: [
          {
            type: 'tool_result',
            tool_use_id: 'c',
            content: 'No result was provided for this tool call.',
            is_error: true,
          },
        ],
      },
    ]);
  });
});
