export * from './request-schema';
export * from './parse-openai-chat-request';
export * from './chunk-schema';
export {
  isOpenAIErrorBody,
  type OpenAIAssistantMessage,
  type OpenAIChatChoice,
  type OpenAIChatChunk,
  type OpenAIChatCompletion,
  type OpenAIChunkChoice,
  type OpenAIChunkDelta,
  type OpenAICustomToolCall,
  type OpenAIFinishReason,
  type OpenAIFunctionToolCall,
  type OpenAIStreamItem,
  type OpenAIToolCall,
  type OpenAIToolCallDelta,
  type OpenAIUsage,
} from './chat-completion';
export {
  convertOpenAIRequestToAnthropic,
  type ConvertOpenAIRequestOptions,
  type ConvertOpenAIRequestResult,
} from '../convert/convert-openai-request-to-anthropic';
export {
  convertAnthropicRequestToOpenAI,
  type ConvertAnthropicRequestOptions,
  type ConvertAnthropicRequestResult,
} from '../convert/convert-anthropic-request-to-openai';
export {
  convertAnthropicMessageToOpenAI,
  type ConvertAnthropicResponseOptions,
} from '../convert/convert-anthropic-message-to-openai';
export { convertOpenAICompletionToAnthropic } from '../convert/convert-openai-completion-to-anthropic';
export { mapAnthropicStopReason, mapOpenAIFinishReason } from '../convert/map-stop-reason';
export { anthropicUsageToOpenAI, openAIUsageToAnthropic } from '../convert/map-usage';
export {
  minimumThinkingBudget,
  reasoningEffortBudgets,
  reasoningEffortForBudget,
  reasoningEffortFromAnthropic,
} from '../convert/reasoning-effort';
export { responseFormatInstruction } from '../convert/response-format';
export {
  customToolInputProperty,
  customToolInputSchema,
  unwrapCustomToolInput,
  wrapCustomToolInput,
} from '../convert/custom-tool';
export { anthropicMessageIdFor, openAICompletionIdFor } from '../convert/response-ids';
export {
  AnthropicToOpenAIChunkConverter,
  createAnthropicToOpenAIChunkStream,
  type AnthropicToOpenAIChunkOptions,
} from '../stream/anthropic-to-openai-chunks';
export {
  OpenAIToAnthropicEventConverter,
  createOpenAIToAnthropicEventStream,
  type OpenAIToAnthropicEventOptions,
} from '../stream/openai-to-anthropic-events';
export {
  OpenAICompletionAccumulator,
  aggregateOpenAIStream,
} from '../aggregate/openai-completion-accumulator';
