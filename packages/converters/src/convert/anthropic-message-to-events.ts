import type { AnthropicContentBlock, AnthropicMessage } from '../anthropic/message';
import type { AnthropicStreamEvent } from '../anthropic/stream-event';

function blockEvents(block: AnthropicContentBlock, index: number): AnthropicStreamEvent[] {
  const stop: AnthropicStreamEvent = { type: 'content_block_stop', index };
  switch (block.type) {
    case 'text':
      return [
        { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
        { type: 'content_block_delta', index, delta: { type: 'text_delta', text: block.text } },
        stop,
      ];
    case 'thinking':
      return [
        {
          type: 'content_block_start',
          index,
          content_block: { type: 'thinking', thinking: '', signature: '' },
        },
        {
          type: 'content_block_delta',
          index,
          delta: { type: 'thinking_delta', thinking: block.thinking },
        },
        {
          type: 'content_block_delta',
          index,
          delta: { type: 'signature_delta', signature: block.signature },
        },
        stop,
      ];
    case 'redacted_thinking':
      return [{ type: 'content_block_start', index, content_block: block }, stop];
    case 'tool_use':
      return [
        {
          type: 'content_block_start',
          index,
          content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} },
        },
        {
          type: 'content_block_delta',
          index,
          delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) },
        },
        stop,
      ];
  }
}

/**
 * A whole Anthropic message replayed as the stream that would have produced it. Lets a response
 * converter written for streams also render non-stream answers, so both share one mapping.
 */
export function anthropicMessageToEvents(message: AnthropicMessage): AnthropicStreamEvent[] {
  return [
    {
      type: 'message_start',
      message: { ...message, content: [], stop_reason: null, stop_sequence: null },
    },
    ...message.content.flatMap(blockEvents),
    {
      type: 'message_delta',
      delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence },
      usage: message.usage,
    },
    { type: 'message_stop' },
  ];
}
