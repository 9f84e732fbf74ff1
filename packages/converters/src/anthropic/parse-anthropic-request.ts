import { parseWithSchema } from '../errors/parse-with-schema';
import {
  anthropicCountTokensRequestSchema,
  anthropicMessagesRequestSchema,
  type AnthropicCountTokensRequest,
  type AnthropicMessagesRequest,
} from './request-schema';

/**
 * Validates a `POST /v1/messages` body. Throws {@link InvalidRequestError} naming the failing path,
 * e.g. `messages.0.content.1.text: expected string, received undefined`.
 */
export function parseAnthropicMessagesRequest(body: unknown): AnthropicMessagesRequest {
  return parseWithSchema(anthropicMessagesRequestSchema, body);
}

/** Validates a `POST /v1/messages/count_tokens` body, like {@link parseAnthropicMessagesRequest}. */
export function parseAnthropicCountTokensRequest(body: unknown): AnthropicCountTokensRequest {
  return parseWithSchema(anthropicCountTokensRequestSchema, body);
}
