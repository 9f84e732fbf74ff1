import type { AnthropicMessage } from '../anthropic/message';
import type { ResponsesResponse } from '../responses/response';
import {
  AnthropicToResponsesEventConverter,
  type AnthropicToResponsesOptions,
} from '../stream/anthropic-to-responses-events';
import { anthropicMessageToEvents } from './anthropic-message-to-events';
import { errorFromResponsesError } from './responses-error';

/**
 * Non-stream response, Anthropic → Responses: the `Response` object (`status` `completed`, or
 * `incomplete` with `incomplete_details` after `max_tokens` or a refusal). Built by running the message
 * through the stream converter, so streamed and whole answers map identically. Throws if the message
 * cannot be rendered (e.g. tool input that is not valid JSON outside a `max_tokens` cut).
 */
export function convertAnthropicMessageToResponse(
  message: AnthropicMessage,
  options: AnthropicToResponsesOptions = {},
): ResponsesResponse {
  const converter = new AnthropicToResponsesEventConverter(options);
  const events = [
    ...anthropicMessageToEvents(message).flatMap((event) => converter.push(event)),
    ...converter.finish(),
  ];
  const terminal = events.at(-1);
  if (terminal?.type === 'response.completed' || terminal?.type === 'response.incomplete')
    return terminal.response;
  throw errorFromResponsesError(
    terminal?.type === 'response.failed' ? terminal.response.error : null,
  );
}
