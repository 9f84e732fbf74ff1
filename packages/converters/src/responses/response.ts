/**
 * What we build: the Responses API `Response` object, its output items and its stream events. Plain
 * types, not schemas; field names and values as in openai-node's `resources/responses`.
 * @see https://platform.openai.com/docs/api-reference/responses/object
 */

export interface ResponsesOutputText {
  type: 'output_text';
  text: string;
  annotations: unknown[];
  logprobs: unknown[];
}

export interface ResponsesMessageOutput {
  type: 'message';
  id: string;
  role: 'assistant';
  status: ResponsesItemStatus;
  content: ResponsesOutputText[];
}

export interface ResponsesFunctionCallOutput {
  type: 'function_call';
  id: string;
  call_id: string;
  name: string;
  namespace?: string;
  arguments: string;
  status: ResponsesItemStatus;
}

export interface ResponsesCustomToolCallOutput {
  type: 'custom_tool_call';
  id: string;
  call_id: string;
  name: string;
  namespace?: string;
  input: string;
  status: ResponsesItemStatus;
}

export interface ResponsesLocalShellCallOutput {
  type: 'local_shell_call';
  id: string;
  call_id: string;
  status: ResponsesItemStatus;
  action: {
    type: 'exec';
    command: string[];
    working_directory: string | null;
    timeout_ms: number | null;
    env: Record<string, string>;
    user: string | null;
  };
}

export interface ResponsesSummaryText {
  type: 'summary_text';
  text: string;
}

export interface ResponsesReasoningText {
  type: 'reasoning_text';
  text: string;
}

export interface ResponsesReasoningOutput {
  type: 'reasoning';
  id: string;
  summary: ResponsesSummaryText[];
  /** The thinking itself when no summary was asked for. */
  content?: ResponsesReasoningText[];
  /** Only with `include: ["reasoning.encrypted_content"]`; replayed by the client on later turns. */
  encrypted_content?: string | null;
  status: ResponsesItemStatus;
}

export type ResponsesItemStatus = 'in_progress' | 'completed' | 'incomplete';

export type ResponsesOutputItem =
  | ResponsesMessageOutput
  | ResponsesFunctionCallOutput
  | ResponsesCustomToolCallOutput
  | ResponsesLocalShellCallOutput
  | ResponsesReasoningOutput;

export interface ResponsesUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export type ResponsesStatus = 'in_progress' | 'completed' | 'incomplete' | 'failed';

/** `code` values clients act on: Codex treats `context_length_exceeded` and `rate_limit_exceeded` specially. */
export interface ResponsesError {
  code: string;
  message: string;
}

/** The request fields a `Response` echoes back. */
export interface ResponsesEcho {
  instructions: string | null;
  max_output_tokens: number | null;
  metadata: Record<string, string>;
  parallel_tool_calls: boolean;
  reasoning: { effort: string | null; summary: string | null };
  store: boolean;
  temperature: number | null;
  text: { format: Record<string, unknown> };
  tool_choice: unknown;
  tools: unknown[];
  top_p: number | null;
  truncation: string;
  user: string | null;
  prompt_cache_key: string | null;
}

export interface ResponsesResponse extends ResponsesEcho {
  id: string;
  object: 'response';
  created_at: number;
  status: ResponsesStatus;
  error: ResponsesError | null;
  incomplete_details: { reason: 'max_output_tokens' | 'content_filter' } | null;
  model: string;
  output: ResponsesOutputItem[];
  previous_response_id: null;
  usage: ResponsesUsage | null;
}

interface Sequenced {
  sequence_number: number;
}

interface ItemLocated extends Sequenced {
  item_id: string;
  output_index: number;
}

/** The stream events we emit, in the order of protocols.md §3.2. */
export type ResponsesStreamEvent =
  | ({ type: 'response.created' | 'response.in_progress'; response: ResponsesResponse } & Sequenced)
  | ({
      type: 'response.completed' | 'response.incomplete' | 'response.failed';
      response: ResponsesResponse;
    } & Sequenced)
  | ({
      type: 'response.output_item.added' | 'response.output_item.done';
      output_index: number;
      item: ResponsesOutputItem;
    } & Sequenced)
  | ({
      type: 'response.content_part.added' | 'response.content_part.done';
      content_index: number;
      part: ResponsesOutputText | ResponsesReasoningText;
    } & ItemLocated)
  | ({
      type: 'response.output_text.delta';
      content_index: number;
      delta: string;
      logprobs: unknown[];
    } & ItemLocated)
  | ({
      type: 'response.output_text.done';
      content_index: number;
      text: string;
      logprobs: unknown[];
    } & ItemLocated)
  | ({ type: 'response.function_call_arguments.delta'; delta: string } & ItemLocated)
  | ({
      type: 'response.function_call_arguments.done';
      name: string;
      arguments: string;
    } & ItemLocated)
  | ({ type: 'response.custom_tool_call_input.delta'; delta: string } & ItemLocated)
  | ({ type: 'response.custom_tool_call_input.done'; input: string } & ItemLocated)
  | ({
      type: 'response.reasoning_summary_part.added' | 'response.reasoning_summary_part.done';
      summary_index: number;
      part: ResponsesSummaryText;
    } & ItemLocated)
  | ({
      type: 'response.reasoning_summary_text.delta';
      summary_index: number;
      delta: string;
    } & ItemLocated)
  | ({
      type: 'response.reasoning_summary_text.done';
      summary_index: number;
      text: string;
    } & ItemLocated)
  | ({ type: 'response.reasoning_text.delta'; content_index: number; delta: string } & ItemLocated)
  | ({ type: 'response.reasoning_text.done'; content_index: number; text: string } & ItemLocated);

export type ResponsesStreamEventType = ResponsesStreamEvent['type'];

/** The events that end a stream, each carrying the final `Response`. */
export type ResponsesTerminalEvent = Extract<
  ResponsesStreamEvent,
  { type: 'response.completed' | 'response.incomplete' | 'response.failed' }
>;
