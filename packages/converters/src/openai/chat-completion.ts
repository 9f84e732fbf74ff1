import type { OpenAIErrorBody } from '../errors/error-bodies';

/**
 * What we build: OpenAI Chat Completions responses and stream chunks. Plain types, not schemas.
 * @see https://platform.openai.com/docs/api-reference/chat/object
 */

export type OpenAIFinishReason =
  'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

/** `prompt_tokens` includes cached tokens (unlike Anthropic's `input_tokens`). */
export interface OpenAIUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens: number };
  completion_tokens_details?: { reasoning_tokens: number };
}

export interface OpenAIFunctionToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** A call of a freeform (`custom`) tool: the input is the raw string, not JSON. */
export interface OpenAICustomToolCall {
  id: string;
  type: 'custom';
  custom: { name: string; input: string };
}

export type OpenAIToolCall = OpenAIFunctionToolCall | OpenAICustomToolCall;

export interface OpenAIAssistantMessage {
  role: 'assistant';
  content: string | null;
  refusal: string | null;
  tool_calls?: OpenAIToolCall[];
  /** Legacy (`functions` requests): the one function call, instead of `tool_calls`. */
  function_call?: { name: string; arguments: string };
  /** Non-standard but widely read (DeepSeek, xAI, AI SDK): the model's thinking as plain text. */
  reasoning_content?: string;
}

export interface OpenAIChatChoice {
  index: number;
  message: OpenAIAssistantMessage;
  logprobs: null;
  finish_reason: OpenAIFinishReason;
}

export interface OpenAIChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: OpenAIChatChoice[];
  usage?: OpenAIUsage;
  system_fingerprint?: string | null;
}

/**
 * One tool-call fragment. The first fragment of an `index` carries `id`, `type` and the name;
 * later ones carry only `index` and argument (or custom input) fragments.
 */
export interface OpenAIToolCallDelta {
  index: number;
  id?: string;
  type?: 'function' | 'custom';
  function?: { name?: string; arguments?: string };
  custom?: { name?: string; input?: string };
}

export interface OpenAIChunkDelta {
  role?: 'assistant';
  content?: string | null;
  refusal?: string | null;
  reasoning_content?: string;
  tool_calls?: OpenAIToolCallDelta[];
  /** Legacy (`functions` requests): the name first, then argument fragments. */
  function_call?: { name?: string; arguments?: string };
}

export interface OpenAIChunkChoice {
  index: number;
  delta: OpenAIChunkDelta;
  logprobs?: null;
  finish_reason: OpenAIFinishReason | null;
}

export interface OpenAIChatChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  /** Empty only in the final usage chunk (`stream_options.include_usage`). */
  choices: OpenAIChunkChoice[];
  /** `null` on every chunk but the usage chunk when usage was requested; absent otherwise. */
  usage?: OpenAIUsage | null;
  system_fingerprint?: string | null;
}

/** What travels in an OpenAI chat stream: chunks, or one error object that ends the stream. */
export type OpenAIStreamItem = OpenAIChatChunk | OpenAIErrorBody;

/** Whether a stream item is the mid-stream error object `{error:{...}}`. */
export function isOpenAIErrorBody(item: unknown): item is OpenAIErrorBody {
  return typeof item === 'object' && item !== null && 'error' in item && !('choices' in item);
}
