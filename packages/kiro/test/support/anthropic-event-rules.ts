import type { AnthropicStreamEvent } from '@octoproxy/converters';

/**
 * Anthropic's stream order rules (protocols §0.2, §1.6), stated independently of the converter:
 * returns every violation found.
 */
export function anthropicEventViolations(events: readonly AnthropicStreamEvent[]): string[] {
  const out: string[] = [];
  if (events[0]?.type !== 'message_start') out.push('first event is not message_start');
  if (events.filter((event) => event.type === 'message_start').length !== 1) {
    out.push('not exactly one message_start');
  }
  let open: { index: number; type: string; json: string; signed: boolean } | undefined;
  let nextIndex = 0;
  let ended = false;
  events.forEach((event, position) => {
    if (ended) out.push(`event ${position} (${event.type}) after the end`);
    switch (event.type) {
      case 'content_block_start':
        if (open) out.push(`block ${event.index} starts while ${open.index} is open`);
        if (event.index !== nextIndex)
          out.push(`block index ${event.index}, expected ${nextIndex}`);
        nextIndex = event.index + 1;
        open = { index: event.index, type: event.content_block.type, json: '', signed: false };
        break;
      case 'content_block_delta': {
        if (!open || open.index !== event.index) {
          out.push(`delta for block ${event.index} that is not open`);
          break;
        }
        const expected: Record<string, string[]> = {
          text: ['text_delta'],
          thinking: ['thinking_delta', 'signature_delta'],
          tool_use: ['input_json_delta'],
        };
        if (!(expected[open.type] ?? []).includes(event.delta.type)) {
          out.push(`${event.delta.type} in a ${open.type} block`);
        }
        if (open.signed) out.push(`delta after signature in block ${open.index}`);
        if (event.delta.type === 'input_json_delta') open.json += event.delta.partial_json;
        if (event.delta.type === 'signature_delta') {
          open.signed = true;
          if (event.delta.signature === '') out.push('empty signature');
        }
        break;
      }
      case 'content_block_stop':
        if (!open || open.index !== event.index) out.push(`stop for block ${event.index} not open`);
        else {
          if (open.type === 'thinking' && !open.signed) out.push(`thinking ${open.index} unsigned`);
          if (open.type === 'tool_use') {
            try {
              JSON.parse(open.json);
            } catch {
              out.push(`tool_use ${open.index} input is not JSON: ${open.json}`);
            }
          }
        }
        open = undefined;
        break;
      case 'message_delta':
        if (open) out.push('message_delta while a block is open');
        if (event.delta.stop_reason === null) out.push('message_delta without stop_reason');
        break;
      case 'message_stop':
        if (events[position - 1]?.type !== 'message_delta')
          out.push('message_stop not after message_delta');
        ended = true;
        break;
      case 'error':
        ended = true;
        break;
      case 'message_start':
        if (event.message.usage.input_tokens <= 0) out.push('message_start input_tokens is 0');
        break;
      case 'ping':
        break;
    }
  });
  if (!ended) out.push('stream did not end with message_stop or error');
  return out;
}
