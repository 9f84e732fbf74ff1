import {
  convertAnthropicMessageToOpenAI,
  createAnthropicToOpenAIChunkStream,
  encodeOpenAISseData,
  openAISseDone,
  sseComment,
  toOpenAIError,
  type OpenAIStreamItem,
} from '@octoproxy/converters';

import type { ProtocolAdapter } from './protocol-adapter';

/** OpenAI Chat Completions: data-only SSE ending in `[DONE]`, comment keepalives, the completion. */
export function openAIAdapter(options: {
  model: string;
  includeUsage: boolean;
  customToolNames: readonly string[];
  /** The request used the legacy `functions`: calls come back as `function_call`. */
  legacyFunctions: boolean;
}): ProtocolAdapter {
  return {
    protocol: 'openai',
    keepalive: sseComment('keepalive'),
    toSse: (events) => {
      let failed = false;
      return events
        .pipeThrough(
          createAnthropicToOpenAIChunkStream({
            includeUsage: options.includeUsage,
            customToolNames: options.customToolNames,
            legacyFunctions: options.legacyFunctions,
            model: options.model,
          }),
        )
        .pipeThrough(
          new TransformStream<OpenAIStreamItem, string>({
            transform(item, controller) {
              if (failed) return;
              failed = 'error' in item;
              controller.enqueue(encodeOpenAISseData(item));
            },
            flush(controller) {
              if (!failed) controller.enqueue(openAISseDone);
            },
          }),
        );
    },
    encodeError: (error) => encodeOpenAISseData(toOpenAIError(error).body),
    toJson: (message) =>
      convertAnthropicMessageToOpenAI(message, {
        customToolNames: options.customToolNames,
        legacyFunctions: options.legacyFunctions,
        model: options.model,
      }),
  };
}
