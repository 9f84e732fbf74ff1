import type { AnthropicStreamEvent } from '../src/anthropic/stream-event';

/** Hand-written Anthropic event streams shaped like the real recordings (see protocols.md §1.6). */

export function messageStart(id = 'msg_01test', inputTokens = 377): AnthropicStreamEvent {
  return {
    type: 'message_start',
    message: {
      id,
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-6',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: {
        input_tokens: inputTokens,
        output_tokens: 1,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    },
  };
}

export function textBlock(index: number, pieces: readonly string[]): AnthropicStreamEvent[] {
  return [
    { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
    ...pieces.map((text): AnthropicStreamEvent => ({
      type: 'content_block_delta',
      index,
      delta: { type: 'text_delta', text },
    })),
    { type: 'content_block_stop', index },
  ];
}

export function thinkingBlock(
  index: number,
  pieces: readonly string[],
  signature: string,
): AnthropicStreamEvent[] {
  return [
    {
      type: 'content_block_start',
      index,
      content_block: { type: 'thinking', thinking: '', signature: '' },
    },
    ...pieces.map((thinking): AnthropicStreamEvent => ({
      type: 'content_block_delta',
      index,
      delta: { type: 'thinking_delta', thinking },
    })),
    { type: 'content_block_delta', index, delta: { type: 'signature_delta', signature } },
    { type: 'content_block_stop', index },
  ];
}

export function toolBlock(options: {
  index: number;
  id: string;
  name: string;
  jsonPieces: readonly string[];
}): AnthropicStreamEvent[] {
  const { index, id, name, jsonPieces } = options;
  return [
    {
      type: 'content_block_start',
      index,
      content_block: { type: 'tool_use', id, name, input: {} },
    },
    ...jsonPieces.map((partial_json): AnthropicStreamEvent => ({
      type: 'content_block_delta',
      index,
      delta: { type: 'input_json_delta', partial_json },
    })),
    { type: 'content_block_stop', index },
  ];
}

export function messageEnd(
  stopReason: 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence',
  outputTokens = 65,
): AnthropicStreamEvent[] {
  return [
    {
      type: 'message_delta',
      delta: { stop_reason: stopReason, stop_sequence: null },
      usage: { output_tokens: outputTokens },
    },
    { type: 'message_stop' },
  ];
}

export const textScenario: AnthropicStreamEvent[] = [
  messageStart(),
  { type: 'ping' },
  ...textBlock(0, ['Hello', ', wor', 'ld — ünïcødé 🎉!']),
  ...messageEnd('end_turn', 12),
];

export const multiToolScenario: AnthropicStreamEvent[] = [
  messageStart('msg_01tools'),
  ...textBlock(0, ["I'll check both cities."]),
  ...toolBlock({
    index: 1,
    id: 'toolu_01A',
    name: 'get_weather',
    jsonPieces: ['', '{"locati', 'on": "Paris"}'],
  }),
  ...toolBlock({
    index: 2,
    id: 'toolu_01B',
    name: 'get_weather',
    jsonPieces: ['{"location":', ' "Tōkyō"}'],
  }),
  ...messageEnd('tool_use', 80),
];

export const thinkingScenario: AnthropicStreamEvent[] = [
  messageStart('msg_01think'),
  ...thinkingBlock(0, ['Let me think', ' about 2+2.'], 'c2lnbmF0dXJl'),
  ...textBlock(1, ['4']),
  ...messageEnd('end_turn', 30),
];

export const errorScenario: AnthropicStreamEvent[] = [
  messageStart('msg_01err'),
  ...textBlock(0, ['Partial answer']),
  { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
];
