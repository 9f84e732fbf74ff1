import type { AnthropicMessagesRequest } from '@octoproxy/converters';

/** The outline of a request for `debug` logs: sizes, roles and block types, never the text itself. */
export interface RequestShape {
  model: string;
  stream: boolean;
  maxTokens: number;
  systemBlocks: number;
  messages: string[];
  tools: number;
  toolChoice: string | undefined;
  thinking: string | undefined;
}

export function requestShape(request: AnthropicMessagesRequest): RequestShape {
  const system = request.system;
  return {
    model: request.model,
    stream: request.stream === true,
    maxTokens: request.max_tokens,
    systemBlocks: system === undefined ? 0 : typeof system === 'string' ? 1 : system.length,
    messages: request.messages.map((message) => {
      const blocks =
        typeof message.content === 'string'
          ? ['text']
          : message.content.map((block) => (block as { type: string }).type);
      return `${message.role}:${blocks.join('+')}`;
    }),
    tools: request.tools?.length ?? 0,
    toolChoice: request.tool_choice?.type,
    thinking: request.thinking?.type,
  };
}
